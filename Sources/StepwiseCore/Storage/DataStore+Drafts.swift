import Foundation

/// What was being typed when the program was cut off (terminal closed, SIGTERM), kept per
/// user in `drafts/` so that the next start brings it back.
extension DataStore {
    var draftsDir: URL { root.appendingPathComponent("drafts") }

    /// The draft file of a user: `drafts/<user>.json`, the name reduced to safe characters.
    func draftFile(for identity: Identity) -> URL {
        let safe = String(identity.user.lowercased().unicodeScalars.filter { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
        }.prefix(32).map(Character.init))
        return draftsDir.appendingPathComponent((safe.isEmpty ? "user" : safe) + ".json")
    }

    /// Keeps a draft for the user, replacing any earlier one.
    public func saveDraft(_ data: Data, for identity: Identity) throws {
        try AtomicFile.makeDirectory(draftsDir)
        try AtomicFile.write(data, to: draftFile(for: identity), folderMayBeLink: false)
    }

    /// The user's draft, if any; it is removed once read.
    public func takeDraft(for identity: Identity) -> Data? {
        let url = draftFile(for: identity)
        guard let data = try? DataFile.read(url, limit: RecordCodec.maxRecordBytes) else { return nil }
        unlink(url.path)
        return data
    }
}
