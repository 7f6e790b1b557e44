import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The stamp of `participants/` (size, modification and change time, inode): it changes
/// whenever a file is renamed into or out of the folder, which every save does.
public struct FolderStamp: Equatable, Sendable {
    let stamp: FileStamp
}

extension CaseloadIndex {
    /// The stamp of `participants/` now (not following a link), or nil when it is not a folder.
    public func folderStamp() -> FolderStamp? {
        var info = stat()
        guard lstat(store.participantsDir.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return FolderStamp(stamp: FileStamp(info))
    }

    /// Where the row of `participant` (as saved) goes in `rows` (a whole caseload, in caseload
    /// order): costs a scan for its id and a binary search, not a copy of `rows` nor a reading
    /// of the index.
    public static func moving(_ participant: Participant, in rows: Caseload, order: LocaleFormats) -> CaseloadMove {
        moving(CaseloadEntry(participant), in: rows, order: order)
    }

    /// Where the row `entry` (a participant's as saved) goes in `rows`, as `moving(_:in:order:)`.
    public static func moving(_ entry: CaseloadEntry, in rows: Caseload, order: LocaleFormats) -> CaseloadMove {
        let from = rows.firstIndex(ofID: entry.id)
        // Participants come first, in order, then the unreadable files; positions are those
        // of `rows` without the participant's row.
        let at = { (position: Int) in from.map { position < $0 ? position : position + 1 } ?? position }
        let unreadable = rows.size.participants
        let participants = unreadable - (from.map { $0 < unreadable ? 1 : 0 } ?? 0)
        let to = insertionPoint(count: participants) { position in
            guard case .participant(let other) = rows[at(position)] else { return false }
            return CaseloadEntry.ordered(other, entry, in: order)
        }
        return CaseloadMove(entry: entry, from: from, to: to)
    }
}

/// One row of the caseload made anew and moved to where it now sorts (see
/// `CaseloadIndex.moving`).
public struct CaseloadMove: Equatable, Sendable {
    /// The participant's row as it is now.
    public var entry: CaseloadEntry
    /// The row as it is now.
    public var row: CaseloadRow { .participant(entry) }
    /// Its index before, nil when the caseload did not have it.
    public var from: Int?
    /// Its index after, counted in the caseload without its row before.
    public var to: Int

    /// Moves the row in `rows` (a whole caseload) in place: one assignment when it stays where
    /// it was, else moves only the rows between its old and new place.
    public func apply(to rows: inout Caseload) {
        rows.place(entry, from: from, to: to)
    }
}
