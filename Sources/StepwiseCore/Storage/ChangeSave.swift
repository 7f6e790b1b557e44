import Foundation

/// One change of a participant's record saved as a screen saves it: the record (through
/// `ParticipantJournal.save`, keeping journal entries others wrote meanwhile), its line in the
/// audit log and, for a plan change, the plan's new version in its history. Returns only
/// once all of them are durable (fsynced; the record renamed into place and its folder fsynced).
///
/// The three files are written side by side, not one after another, since each fsync waits
/// for the disk (`AtomicFile.writing`): the audit line (its lock, write and fsync) on another
/// thread while the record's temp file is written and fsynced, and waited for before the
/// record is renamed into place; the history line on another thread while the folder is
/// fsynced after the rename. What a power loss at any moment leaves on disk:
/// - the record holds the old or the new content, whole (`AtomicFile`);
/// - a change that is on disk has its audit line: the line was fsynced before the rename.
///   A line may name a change that did not land (the power went, or the write failed, after
///   the line and before the rename): the log notes an attempted change then;
/// - the history never holds a version the record never had (it is appended only after the
///   rename); a power loss between the rename and the history's fsync leaves that version
///   out of the history, as when the lines were written one after the other.
public enum ChangeSave {
    /// What a save gave besides the record.
    public struct Outcome {
        /// The record as written (with journal entries others wrote meanwhile).
        public let participant: Participant
        /// Why the audit line was not written: nil when it was; `ExclusiveLock.Busy` when the
        /// log was locked elsewhere for longer than the wait (the line is to be written later).
        public let audit: Error?
        /// Why the plan version was not added to the history (`DataStore.HistoryNotWritten`);
        /// nil when it was, or when there was none to add.
        public let history: Error?
    }

    /// Saves `participant` and, when given, `version` to its history, noting `action` by
    /// `identity` at `moment` in the audit log; the journal lock and the audit log's lock are
    /// each waited for at most `lockTimeout` seconds. Throws what `ParticipantJournal.save`
    /// throws (`ExclusiveLock.Busy` when the journal lock stayed held; nothing was saved then,
    /// and no line written).
    public static func save(
        _ participant: Participant, version: PlanVersion?, audit action: AuditAction, in store: DataStore,
        as identity: Identity, at moment: Date, lockTimeout: TimeInterval
    ) throws -> Outcome {
        let results = Results()
        let log = AuditLog(store: store, lockTimeout: lockTimeout)
        let id = participant.id
        let audit: @Sendable () -> Void = {
            do { try log.record(action, participant: id, by: identity, at: moment) } catch { results.audit = error }
        }
        let history: [@Sendable () -> Void] =
            version.map { version in
                [{
                    do { try store.appendHistory(version, participant: id) } catch { results.history = error }
                }]
            } ?? []
        let alongside = AtomicFile.Alongside(for: try store.participantFile(id), beforeRename: [audit], afterRename: history)
        let saved = try AtomicFile.writing(alongside) {
            try ParticipantJournal.save(participant, in: store, as: identity, lockTimeout: lockTimeout)
        }
        return Outcome(participant: saved, audit: results.audit, history: results.history)
    }

    /// What the writes on other threads gave, read once they are joined.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: (audit: Error?, history: Error?) = (nil, nil)
        var audit: Error? {
            get { lock.withLock { errors.audit } }
            set { lock.withLock { errors.audit = newValue } }
        }
        var history: Error? {
            get { lock.withLock { errors.history } }
            set { lock.withLock { errors.history = newValue } }
        }
    }
}
