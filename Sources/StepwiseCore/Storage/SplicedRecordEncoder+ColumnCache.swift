import Foundation

extension SplicedRecordEncoder {
    /// The elements of one list as last encoded, each with its bytes indented for its place.
    final class Column<Element: Encodable> {
        /// The elements, kept so that their storage stays theirs while their bits are known.
        let values: [Element]
        /// Each element's `bits`.
        let bits: [[UInt8]]
        let pieces: [Data]
        /// How many of the elements were encoded (the others were reused).
        let encoded: Int

        /// The pieces of `elements`, each as `encode` gives it (for a record, indented for its
        /// depth; for a log line, compact); each element with the bits of one of `reusing`
        /// (taken in order: one element added, removed or changed at a time is followed) keeps
        /// its bytes, the others are encoded. Throws what `encode` throws.
        init(_ elements: [Element], reusing old: Column<Element>?, encode: (Element) throws -> Data) throws {
            let oldBits = old?.bits ?? []
            let oldPieces = old?.pieces ?? []
            let bits = SplicedRecordEncoder.bits(of: elements)
            var pieces: [Data] = []
            pieces.reserveCapacity(elements.count)
            var next = 0
            var encoded = 0
            for (index, element) in elements.enumerated() {
                if next < oldBits.count, oldBits[next] == bits[index] {
                    pieces.append(oldPieces[next])
                    next += 1
                } else if next + 1 < oldBits.count, oldBits[next + 1] == bits[index] {
                    // The one before was removed.
                    pieces.append(oldPieces[next + 1])
                    next += 2
                } else {
                    pieces.append(try encode(element))
                    encoded += 1
                    // A changed element takes the old one's place; an added one does not.
                    let added = next < oldBits.count && index + 1 < elements.count && oldBits[next] == bits[index + 1]
                    if !added { next += 1 }
                }
            }
            values = elements
            self.bits = bits
            self.pieces = pieces
            self.encoded = encoded
        }

        /// The column of `elements` whose bytes are `pieces` (as they stand in a file the
        /// elements were just decoded from), none of them encoded.
        init(_ elements: [Element], pieces: [Data]) {
            values = elements
            bits = SplicedRecordEncoder.bits(of: elements)
            self.pieces = pieces
            encoded = 0
        }
    }

    static let cache = Cache(capacity: 4)

    /// The columns of the few participants last encoded (the records open at this terminal
    /// and those written by bookings), by participant id.
    final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private let capacity: Int
        private var records: [String: [String: AnyObject]] = [:]
        /// The ids of `records`, the one kept longest ago first.
        private var order: [String] = []
        private var counts: [String: (encoded: Int, reused: Int)] = [:]
        private var gates: [String: NSLock] = [:]
        private var reads: [String: (participant: Participant, bytes: Data)] = [:]

        /// Runs `body` while no other thread encodes participant `id`.
        func exclusively<T>(_ id: String, _ body: () throws -> T) rethrows -> T {
            let gate = lock.withLock {
                // Forgetting the gates of many records at most lets two encodings run at once.
                if gates[id] == nil, gates.count >= 64 { gates.removeAll() }
                let gate = gates[id] ?? NSLock()
                gates[id] = gate
                return gate
            }
            return try gate.withLock(body)
        }

        init(capacity: Int) { self.capacity = capacity }

        func columns(of id: String) -> [String: AnyObject] { lock.withLock { records[id] ?? [:] } }

        /// Keeps the columns of participant `id` and counts what encoding them took.
        func keep(_ columns: [String: AnyObject], of id: String, encoded: Int, reused: Int) {
            lock.withLock {
                // The record kept longest ago makes room, never the one just encoded (another
                // record's encoding in the background must not cost an open record its columns).
                while records[id] == nil, records.count >= capacity, !order.isEmpty { records[order.removeFirst()] = nil }
                records[id] = columns
                order.removeAll { $0 == id }
                order.append(id)
                let before = counts[id] ?? (0, 0)
                counts[id] = (before.encoded + encoded, before.reused + reused)
            }
        }

        func counts(of id: String) -> (encoded: Int, reused: Int) { lock.withLock { counts[id] ?? (0, 0) } }

        /// Keeps participant `id` as just read from `bytes`, in place of its columns (the
        /// elements of a record decoded again are held apart from any encoded before).
        func noteRead(_ participant: Participant, bytes: Data) {
            lock.withLock {
                if reads[participant.id] == nil, reads.count >= capacity { reads.removeAll() }
                reads[participant.id] = (participant, bytes)
                records[participant.id] = nil
                order.removeAll { $0 == participant.id }
            }
        }

        /// The participant as last read and its file's bytes, given once.
        func takeRead(of id: String) -> (participant: Participant, bytes: Data)? {
            lock.withLock { reads.removeValue(forKey: id) }
        }

        /// Forgets the columns and the reading of participant `id`.
        func forget(_ id: String) {
            lock.withLock {
                records[id] = nil
                reads[id] = nil
                order.removeAll { $0 == id }
            }
        }
    }
}
