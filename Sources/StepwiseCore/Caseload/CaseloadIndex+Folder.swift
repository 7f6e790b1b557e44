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

    /// `rows` (in caseload order) with the row of `participant` made from the record as given
    /// (as saved), moved to where its name now sorts; the other rows are kept as they are.
    /// Costs a binary search and one move, not a reading of the index. `order` is the one the
    /// rows are sorted in (the store's `nameOrder`).
    public static func replacing(_ participant: Participant, in rows: [CaseloadRow], order: LocaleFormats) -> [CaseloadRow] {
        let entry = CaseloadEntry(participant)
        var rows = rows
        if let index = rows.firstIndex(where: { $0.id == participant.id }) { rows.remove(at: index) }
        // Participants come first, in order, then the unreadable files.
        let participants = rows.firstIndex { if case .unreadable = $0 { return true } else { return false } } ?? rows.count
        let index = insertionPoint(count: participants) { position in
            guard case .participant(let other) = rows[position] else { return false }
            return CaseloadEntry.ordered(other, entry, in: order)
        }
        rows.insert(.participant(entry), at: index)
        return rows
    }
}
