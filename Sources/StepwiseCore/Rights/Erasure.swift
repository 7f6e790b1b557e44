import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The citizen's right to erasure (`stepwise erase`): everything the data folder holds about
/// one participant goes, and the audit log keeps only an anonymous trace.
///
/// In order: the record's edit lock is taken (an erasure waits for nobody: a record open at
/// another terminal is refused); every seat and place on a waitlist is given up through
/// `BookingStore`, so that the first in line moves up and their record says so (their own
/// internship placements, adjustments and follow-up notes, are in their record and go with it;
/// an older offer file's adjustments not yet moved to one participant go too);
/// the plan history, forms left half-typed about them, temporary files that hold them and the
/// record itself are removed, and their line in the caseload index (an index written from a
/// reading made before cannot bring it back, see `IndexFile.noteErasure`); then the audit log is rewritten with an anonymous marker (`erased-N`) in place
/// of the id, plus one `erased` entry; last, the record's lock files go. An erasure cut off
/// half-way can be run again: it finishes what is left.
public enum Erasure {
    /// What the data folder holds about a participant, as counts (never contents).
    public struct Inventory: Equatable, Sendable {
        public var participantFile = false
        public var historyVersions = 0
        public var historyFile = false
        public var drafts = 0
        public var lockFiles = 0
        /// Temporary files left by writes that were cut off.
        public var temporaryFiles = 0
        public var seats = 0
        public var waitlistPlaces = 0
        public var auditEntries = 0

        /// True when nothing at all names the participant.
        public var isEmpty: Bool {
            !participantFile && !historyFile && drafts == 0 && lockFiles == 0 && temporaryFiles == 0 && seats == 0
                && waitlistPlaces == 0 && auditEntries == 0
        }

        /// The counts in words, e.g. "the record, 4 plan versions, 2 seats, 12 audit entries".
        public var summary: String {
            var parts: [String] = []
            func add(_ count: Int, _ one: String, _ many: String) {
                if count > 0 { parts.append("\(count) \(count == 1 ? one : many)") }
            }
            if participantFile { parts.append("the record (plan, notes with earlier versions, sessions, ratings, contacts, journal, job search, follow-along support)") }
            add(historyVersions, "saved plan version", "saved plan versions")
            if historyFile && historyVersions == 0 { parts.append("the plan history file") }
            add(seats, "seat", "seats")
            add(waitlistPlaces, "place on a waitlist", "places on waitlists")
            add(drafts, "half-typed form", "half-typed forms")
            add(temporaryFiles, "temporary file", "temporary files")
            add(lockFiles, "lock file", "lock files")
            add(auditEntries, "audit log entry (kept, made anonymous)", "audit log entries (kept, made anonymous)")
            return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
        }
    }

    /// What an erasure did.
    public struct Report: Sendable {
        /// What was held before.
        public var inventory: Inventory
        /// The marker that now stands for the participant in the audit log.
        public var marker: String
        /// Who moved up from a waitlist into a freed seat, by offer id.
        public var promoted: [(offer: String, participant: String)] = []
        /// Why something is left (see `left`); run the erasure again once they are fixed.
        /// Empty when the erasure finished, even if a step failed at first and a later
        /// one did it.
        public var problems: [String] = []
        /// What still names the participant after this run, counted afresh at its end.
        public var left = Inventory()
        /// True when the caseload index still names the participant.
        public var indexStillNames = false
        /// What went wrong without leaving anything about the participant (a journal entry
        /// for the citizen promoted into the freed seat could not be written).
        public var warnings: [String] = []

        /// True when nothing names the participant any more (a re-run would find nothing).
        public var isFinished: Bool { left.isEmpty && !indexStillNames }
    }

    /// Why nothing was erased.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case invalidID(String)
        /// Nothing in the data folder names the participant.
        case nothingHeld(String)
        /// The record is open at another terminal.
        case openElsewhere(RecordLock.Holder)
        /// Offer files that cannot be read name the participant; their seats cannot be released.
        case unreadableOffers([RecordProblem])
        /// A file could not be removed or written.
        case failed(String)

        public var description: String {
            switch self {
            case .invalidID(let id): return "'\(id)' is not a valid participant id"
            case .nothingHeld(let id): return "nothing is held about \(id)"
            case .openElsewhere(let holder):
                return "the record is open at another terminal (\(holder.identity.coach), user \(holder.identity.user) on "
                    + "\(holder.identity.host), since \(ISO8601DateFormatter().string(from: holder.since))); nothing was erased. "
                    + "Close it there first"
            case .unreadableOffers(let problems):
                return "nothing was erased: offer files that cannot be read name the participant ("
                    + problems.map(\.description).joined(separator: "; ") + "); fix them (see 'stepwise check') and erase again"
            case .failed(let reason): return reason
            }
        }
    }

    /// Counts what the data folder holds about `id`.
    public static func inventory(of id: String, in store: DataStore) throws -> Inventory {
        guard RecordID.isValid(id) else { throw Failure.invalidID(id) }
        var inventory = Inventory()
        let file = try store.participantFile(id)
        inventory.participantFile = FileManager.default.fileExists(atPath: file.path)
        let history = try store.historyFile(id)
        inventory.historyFile = FileManager.default.fileExists(atPath: history.path)
        inventory.historyVersions = store.loadHistory(participant: id).count
        inventory.drafts = drafts(naming: id, in: store).count
        inventory.lockFiles = lockFiles(of: id, in: store).count
        inventory.temporaryFiles = temporaryFiles(of: id, in: store).count
        for offer in store.loadOffers().offers {
            switch Booking.place(of: id, in: offer) {
            case .seat?: inventory.seats += 1
            case .waiting?: inventory.waitlistPlaces += 1
            case nil: break
            }
        }
        inventory.auditEntries = AuditLog(store: store).count(naming: id)
        return inventory
    }

    /// Erases everything held about `id`. See the type's description for the order.
    public static func erase(_ id: String, in store: DataStore, as identity: Identity, at now: Date = Date()) throws -> Report {
        guard RecordID.isValid(id) else { throw Failure.invalidID(id) }
        let before = try inventory(of: id, in: store)
        guard !before.isEmpty else { throw Failure.nothingHeld(id) }
        let unreadable = unreadableOffers(mayName: id, in: store, problems: store.loadOffers().problems)
        guard unreadable.isEmpty else { throw Failure.unreadableOffers(unreadable) }

        let editLock: RecordLock
        do {
            try AtomicFile.makeDirectory(store.locksDir)
            switch try store.lockParticipant(id, as: identity) {
            case .acquired(let lock): editLock = lock
            case .heldBy(let holder): throw Failure.openElsewhere(holder)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.failed("the record's lock cannot be taken: \(error)")
        }
        defer { editLock.release() }

        var report = Report(inventory: before, marker: "")
        let bookings = BookingStore(store: store, identity: identity)
        releaseBookings(of: id, through: bookings, into: &report)

        // The files. The record goes under its journal lock, so that a booking writing to
        // its journal at this moment cannot bring it back.
        var removeFailures: [String] = []
        func remove(_ url: URL) {
            if unlink(url.path) != 0 && errno != ENOENT {
                removeFailures.append("\(store.relative(url)): \(String(cString: strerror(errno)))")
            }
        }
        if let history = try? store.historyFile(id) { remove(history) }
        drafts(naming: id, in: store).forEach(remove)
        temporaryFiles(of: id, in: store).forEach(remove)
        do {
            try ExclusiveLock.with(path: ParticipantJournal.lockPath(id, in: store), as: identity) { lock in
                try lock.verify()
                remove(try store.participantFile(id))
            }
        } catch {
            removeFailures.append("the record could not be removed: \(error)")
        }
        // A booking that slipped in while the files went is released too.
        releaseBookings(of: id, through: bookings, into: &report)
        // The caseload index holds the name; a `list` that read the folder before the record
        // went must not bring it back (see `IndexFile.noteErasure`).
        IndexFile.noteErasure(CaseloadIndex(store: store).url)
        if !CaseloadIndex(store: store).forget(id) {
            removeFailures.append("\(CaseloadIndex.fileName) still names the participant and could not be rewritten or removed")
        }
        for folder in [store.participantsDir, store.historyDir, store.draftsDir, store.locksDir] { syncFolder(folder) }

        do {
            report.marker = try AuditLog(store: store).anonymize(id, erasedBy: identity, at: now).marker
        } catch {
            report.problems.append("the audit log could not be made anonymous: \(error)")
        }
        editLock.release()
        lockFiles(of: id, in: store).forEach(remove)
        report.problems += removeFailures
        // What is really left decides whether the erasure is finished, not which step failed
        // on the way (a seat not released at first is released by the second pass).
        report.left = (try? inventory(of: id, in: store)) ?? before
        report.indexStillNames = CaseloadIndex(store: store).names(id)
        if report.isFinished { report.problems = [] }
        return report
    }

    /// Gives up every seat and place of `id`, offer by offer, under each offer's lock.
    private static func releaseBookings(of id: String, through bookings: BookingStore, into report: inout Report) {
        for offerId in bookings.store.offerIDs() {
            guard let offer = try? bookings.store.loadOffer(offerId), Booking.place(of: id, in: offer) != nil else { continue }
            do {
                let result = try bookings.change(offer: offerId) { current, now in
                    guard let current else { throw BookingStore.Failure.unknownOffer(offerId) }
                    let heldSeat: Bool
                    if case .seat? = Booking.place(of: id, in: current) { heldSeat = true } else { heldSeat = false }
                    var change = try Booking.unbook(id, from: current, at: now)
                    // What was agreed with an employer for this citizen is in their own record
                    // (`Participant.placements`) and goes with it; adjustments an older offer
                    // file still holds for the whole offer may be theirs, and go too.
                    if heldSeat { change.offer.internship?.unmoved = nil }
                    return change
                }
                for event in result.change.events where event.kind == .promoted {
                    report.promoted.append((offerId, event.participantId))
                }
                report.warnings += result.journalProblems.filter { !$0.hasPrefix(id + ":") }
            } catch let failure as BookingStore.Failure {
                if case .refused(.notBooked, _) = failure { continue }
                report.problems.append("offers/\(offerId).json: \(failure)")
            } catch {
                report.problems.append("offers/\(offerId).json: \(error)")
            }
        }
    }

    // MARK: - Finding the files

    /// The offer files among `problems` (offers that cannot be used) that name the
    /// participant, or whose bytes cannot even be read to tell (a FIFO, no permission): a
    /// seat may be held in any of them.
    static func unreadableOffers(mayName id: String, in store: DataStore, problems: [RecordProblem]) -> [RecordProblem] {
        problems.filter { problem in
            let url = store.root.appendingPathComponent(problem.file)
            guard let data = try? DataFile.read(url, limit: RecordCodec.maxRecordBytes) else { return true }
            return data.range(of: Data(id.utf8)) != nil
        }
    }

    /// Drafts (forms left half-typed) that name the participant.
    static func drafts(naming id: String, in store: DataStore) -> [URL] {
        DataFolder.names(in: store.draftsDir).map { store.draftsDir.appendingPathComponent($0) }.filter { url in
            mentions(id, try? DataFile.read(url, limit: RecordCodec.maxRecordBytes))
        }
    }

    /// `locks/<id>.lock`, `locks/journal-<id>.lock` and what a crash left beside them.
    static func lockFiles(of id: String, in store: DataStore) -> [URL] {
        DataFolder.names(in: store.locksDir).filter { name in
            name == id + ".lock" || name.hasPrefix(id + ".lock.") || name == "journal-" + id + ".lock"
                || name.hasPrefix("journal-" + id + ".lock.")
        }.sorted().map { store.locksDir.appendingPathComponent($0) }
    }

    /// Temporary files left by interrupted writes that hold the participant: of the record
    /// (`participants/.<id>.json.*.tmp`), and any other (`.*.tmp` beside the caseload index,
    /// the audit log, offers, drafts) whose bytes name them, such as the caseload index of a
    /// write cut off by a crash, which holds every name.
    static func temporaryFiles(of id: String, in store: DataStore) -> [URL] {
        let own = DataFolder.names(in: store.participantsDir).filter { $0.hasPrefix("." + id + ".json.") }
            .map { store.participantsDir.appendingPathComponent($0) }
        let others = [store.root, store.participantsDir, store.offersDir, store.draftsDir, store.historyDir].flatMap { folder in
            DataFolder.names(in: folder).filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }.map { folder.appendingPathComponent($0) }
        }.filter { url in
            !own.contains(url) && mentions(id, try? DataFile.read(url, limit: Int.max))
        }
        return own + others
    }

    /// True when the bytes hold the id as a whole word (not inside a longer id).
    private static func mentions(_ id: String, _ data: Data?) -> Bool {
        guard let data else { return false }
        let text = String(decoding: data, as: UTF8.self)
        var searchStart = text.startIndex
        while let range = text.range(of: id, range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            func isIDCharacter(_ character: Character?) -> Bool {
                guard let character else { return false }
                return character.isASCII && (character.isLetter || character.isNumber || character == "-")
            }
            if !isIDCharacter(before) && !isIDCharacter(after) { return true }
            searchStart = range.upperBound
        }
        return false
    }

    private static func syncFolder(_ url: URL) {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}
