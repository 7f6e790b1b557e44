import Foundation

/// Opening a participant's record at a terminal: the edit lock first, then the file, so that
/// the copy on screen is the latest one and nobody can change the file between the reading
/// and the locking.
extension DataStore {
    /// A record opened at a terminal.
    public struct Editing: Sendable {
        /// The record as read after the lock was taken.
        public let participant: Participant
        /// The edit lock, when this terminal holds it (release it when the record is closed).
        public let lock: RecordLock?
        /// Who else holds the record open (then it is read only here).
        public let heldBy: RecordLock.Holder?
        /// Why the record is read only although nobody else holds it: the lock could not be
        /// written (a read-only data folder, a full disk). Nil when `lock` or `heldBy` is set.
        public let lockFailure: AtomicFile.WriteError?
        /// What the record still lacks when it was read for its first screen only (see
        /// `ParticipantJournal.readFirstScreen`); nil when `participant` is whole.
        public var rest: ParticipantJournal.Rest?

        /// True when the record may be changed here.
        public var isEditable: Bool { lock != nil }
    }

    /// Takes the edit lock of a participant, then reads the record under it. A lock held by
    /// someone else or one that cannot be written opens the record read only (see `Editing`).
    /// Throws `RecordProblem` when the record cannot be read (the lock is then given back).
    /// With `firstScreenFirst`, a large record's notes and ratings are left for `Editing.rest`.
    public func openForEditing(_ id: String, as identity: Identity, firstScreenFirst: Bool = false) throws -> Editing {
        var lock: RecordLock?
        var heldBy: RecordLock.Holder?
        var lockFailure: AtomicFile.WriteError?
        do {
            switch try lockParticipant(id, as: identity) {
            case .acquired(let taken): lock = taken
            case .heldBy(let holder): heldBy = holder
            }
        } catch let failure as AtomicFile.WriteError {
            lockFailure = failure
        }
        do {
            // Remembered with the file's stamp, so that a save need not read it again.
            guard firstScreenFirst else {
                let participant = try ParticipantJournal.read(id, in: self)
                return Editing(participant: participant, lock: lock, heldBy: heldBy, lockFailure: lockFailure)
            }
            let read = try ParticipantJournal.readFirstScreen(id, in: self)
            return Editing(participant: read.participant, lock: lock, heldBy: heldBy, lockFailure: lockFailure, rest: read.rest)
        } catch {
            lock?.release()
            throw error
        }
    }
}
