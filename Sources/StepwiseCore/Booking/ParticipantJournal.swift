import Foundation

/// Writes to a participant's file that can happen while the record is open in a screen at
/// another terminal: journal entries from bookings made elsewhere (a script, a colleague
/// booking the same offer, a cancellation that promoted this participant).
///
/// Each write takes the participant's short journal lock (`locks/journal-<id>.lock`, not the
/// edit lock a screen holds), re-reads the file, changes it and writes it back atomically.
/// A screen that saves its own copy of the record should save through `save(_:in:as:)`, so
/// that journal entries written meanwhile by others are kept.
///
/// Lock order: an offer lock may be held while taking a journal lock, never the reverse.
public enum ParticipantJournal {
    /// The lock file guarding read-modify-write of one participant file.
    public static func lockPath(_ participantId: String, in store: DataStore) -> String {
        store.locksDir.appendingPathComponent("journal-" + participantId + ".lock", isDirectory: false).path
    }

    /// Appends `entries` to the participant's journal on disk and stamps the record as changed.
    @discardableResult
    public static func append(
        _ entries: [JournalEntry], to participantId: String, in store: DataStore,
        as identity: Identity, at now: Date = Date()
    ) throws -> Participant {
        try update(participantId, in: store, as: identity) { participant in
            participant.journal += entries
            participant.updated = Stamp(by: identity.coach, at: now)
        }
    }

    /// Re-reads the participant under the journal lock, applies `change`, and writes it back.
    /// The file is read only when it changed since this process last read or wrote it, and then
    /// as `read` reads it: either way the save encodes only what `change` changed, not the
    /// whole record (`SplicedRecordEncoder`).
    @discardableResult
    public static func update(
        _ participantId: String, in store: DataStore, as identity: Identity,
        _ change: (inout Participant) throws -> Void
    ) throws -> Participant {
        let path = try store.participantFile(participantId).path
        try AtomicFile.makeDirectory(store.locksDir)
        return try ExclusiveLock.with(path: lockPath(participantId, in: store), as: identity) { lock in
            var participant = try Remembered.shared.value(path) ?? read(participantId, in: store)
            try change(&participant)
            try store.save(participant, fence: lock)
            Remembered.shared.note(path, value: participant)
            return participant
        }
    }

    /// Saves a participant as edited in a screen, keeping journal entries that others wrote to
    /// the file since it was read, and counting the calendar changes against the file
    /// (`CalendarIdentity.stamp`, at `now`). Returns the record as written (reload the screen from it).
    /// Waits at most `lockTimeout` seconds for the journal lock, then throws `ExclusiveLock.Busy`
    /// (a screen waits a moment only, and keeps the change to save when the lock is free).
    @discardableResult
    public static func save(
        _ participant: Participant, in store: DataStore, as identity: Identity,
        at now: Date = Date(), lockTimeout: TimeInterval = 30
    ) throws -> Participant {
        _ = try store.participantFile(participant.id)
        try AtomicFile.makeDirectory(store.locksDir)
        let path = try store.participantFile(participant.id).path
        return try ExclusiveLock.with(path: lockPath(participant.id, in: store), as: identity, timeout: lockTimeout) { lock in
            var merged = participant
            // The file is re-read only when it changed since this process last read or wrote it.
            if let onDisk = Remembered.shared.value(path) ?? (try? store.loadParticipant(participant.id)) {
                merged.journal = merge(onDisk: onDisk.journal, edited: participant.journal)
                CalendarIdentity.stamp(&merged, since: onDisk, at: now)
            }
            try store.save(merged, fence: lock)
            Remembered.shared.note(path, value: merged)
            return merged
        }
    }

    /// Reads a participant to edit in a screen, remembering the record and the file's stamp,
    /// so that `save` need not read the file again while its stamp is unchanged, and the
    /// file's bytes (`SplicedRecordEncoder.prepare`), so that even the first save encodes only
    /// what changed.
    public static func read(_ participantId: String, in store: DataStore) throws -> Participant {
        let path = try store.participantFile(participantId).path
        let before = FileStamp(path: path, followingLinks: false)
        let (participant, bytes) = try store.loadParticipantFile(participantId)
        remember(participant, path: path, stamp: before.flatMap { FileStamp(path: path, followingLinks: false) == $0 ? $0 : nil }, bytes: bytes)
        return participant
    }

    /// The stamp of the participant's file as it is now (size, times, inode), to see whether
    /// anyone wrote it since (a screen showing the record read only reads it again then);
    /// nil when the file cannot be found.
    public static func stamp(_ participantId: String, in store: DataStore) -> RecordStamp? {
        guard let path = try? store.participantFile(participantId).path else { return nil }
        return FileStamp(path: path, followingLinks: false).map(RecordStamp.init)
    }

    /// The journal on disk followed by the entries only the edited copy has, in time order
    /// (entries with the same time keep their order).
    static func merge(onDisk: [JournalEntry], edited: [JournalEntry]) -> [JournalEntry] {
        // Entries looked up among those of the same moment only: linear in the journal's length.
        let onDiskAt = Dictionary(grouping: onDisk, by: \.stamp.at)
        let added = edited.filter { !(onDiskAt[$0.stamp.at]?.contains($0) ?? false) }
        guard !added.isEmpty else { return onDisk }
        return (onDisk + added).enumerated()
            .sorted { ($0.element.stamp.at, $0.offset) < ($1.element.stamp.at, $1.offset) }
            .map(\.element)
    }
}

/// A participant file's stamp at one moment (see `ParticipantJournal.stamp`): equal stamps
/// mean the file was not written in between.
public struct RecordStamp: Equatable, Sendable {
    fileprivate let file: FileStamp
}

/// The records of the files open in a screen (a few), as last read or written.
enum Remembered {
    static let shared = StampedCache<Participant>(capacity: 8)
}
