import Foundation

extension RecordCodec {
    /// The JSON encoders of records and of log lines, each made once per process and shared
    /// by every thread: making one per record or line cost a save more than the encoding of a
    /// short line itself. Sharing is safe: Foundation's `JSONEncoder` is `Sendable`, reads its
    /// options under a lock and keeps nothing between two `encode` calls.
    struct Encoders: Sendable {
        /// Pretty (two spaces a level), keys sorted: records.
        let record: JSONEncoder
        /// Compact, keys sorted: log lines.
        let line: JSONEncoder

        static let shared = Encoders(
            record: made([.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]), line: made([.sortedKeys, .withoutEscapingSlashes]))

        /// How many encoders were made so far in this process (for tests: a save makes none).
        static var made: Int { count.withLock { $0 } }

        private static let count = Guarded(0)

        /// A new encoder with `formatting`, dates in ISO 8601, counted.
        private static func made(_ formatting: JSONEncoder.OutputFormatting) -> JSONEncoder {
            count.withLock { $0 += 1 }
            let encoder = JSONEncoder()
            encoder.outputFormatting = formatting
            encoder.dateEncodingStrategy = .iso8601
            return encoder
        }
    }
}

/// A value read and changed only under its lock, from any thread.
final class Guarded<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` on the value while holding the lock.
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        try lock.withLock { try body(&value) }
    }
}
