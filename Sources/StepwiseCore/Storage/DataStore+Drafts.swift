import Foundation

/// What was being typed when the program was cut off (terminal closed, SIGTERM), kept per
/// coach (`STEPWISE_COACH`, not the login: several coaches may share one service account) in
/// `drafts/` so that the next start of the same coach brings it back.
extension DataStore {
    var draftsDir: URL { root.appendingPathComponent("drafts") }

    /// The draft file of a coach: `drafts/<coach>-<hash>.json`, the name reduced to safe
    /// characters and followed by the 64-bit FNV-1a hash (hex) of the coach's exact name, so
    /// that two coaches whose names reduce alike ("Bo Ås", "bo as") never share a file.
    public func draftFile(for identity: Identity) -> URL {
        let safe = String(
            identity.coach.lowercased().unicodeScalars.filter { scalar in
                (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            }.prefix(32).map(Character.init))
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in identity.coach.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return draftsDir.appendingPathComponent((safe.isEmpty ? "coach" : safe) + "-" + String(hash, radix: 16) + ".json")
    }

    /// Keeps a draft for the coach, replacing only that coach's earlier one.
    public func saveDraft(_ data: Data, for identity: Identity) throws {
        try AtomicFile.makeDirectory(draftsDir)
        try AtomicFile.write(data, to: draftFile(for: identity), folderMayBeLink: false)
    }

    /// The coach's own draft, if any; it is removed once read. Another coach's draft is never read.
    public func takeDraft(for identity: Identity) -> Data? {
        let url = draftFile(for: identity)
        guard let data = try? DataFile.read(url, limit: RecordCodec.maxRecordBytes) else { return nil }
        unlink(url.path)
        return data
    }
}
