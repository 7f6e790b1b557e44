import Foundation

/// What was being typed when the program was cut off (terminal closed, SIGTERM, or killed
/// outright while a form was typed: see `typingDraftFile`), kept per
/// coach (`STEPWISE_COACH`, not the login: several coaches may share one service account) in
/// `drafts/` so that the next start of the same coach brings it back.
extension DataStore {
    var draftsDir: URL { root.appendingPathComponent("drafts") }

    /// The draft file of a coach: `drafts/<coach>-<hash>.json`, the name reduced to safe
    /// characters and followed by the 64-bit FNV-1a hash (hex) of the coach's exact name, so
    /// that two coaches whose names reduce alike ("Bo Ås", "bo as") never share a file.
    public func draftFile(for identity: Identity) -> URL {
        let safe = Self.fileSafe(identity.coach)
        return draftsDir.appendingPathComponent((safe.isEmpty ? "coach" : safe) + "-" + String(FNV1a.hash(identity.coach.utf8), radix: 16) + ".json")
    }

    /// True when no process `pid` runs here: none has the pid, or it has ended and waits to
    /// be reaped (a zombie, state `Z` in `/proc/<pid>/stat`, proc(5)), as a process killed
    /// with SIGKILL does for a moment.
    private static func isGone(_ pid: pid_t) -> Bool {
        if kill(pid, 0) != 0 { return errno == ESRCH }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// `name` reduced to what a file name may hold anywhere: lowercase ASCII letters and
    /// digits, at most 32.
    private static func fileSafe(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }.prefix(32).map(Character.init))
    }

    /// Keeps a draft for the coach, replacing only that coach's earlier one.
    public func saveDraft(_ data: Data, for identity: Identity) throws {
        try AtomicFile.makeDirectory(draftsDir)
        try AtomicFile.write(data, to: draftFile(for: identity), folderMayBeLink: false)
    }

    /// The draft of one terminal while its form is being typed: the coach's draft file with
    /// this host and process added (`<coach>-<hash>-<host>-<pid>.json`), so that no other
    /// terminal takes it while this one runs.
    public func typingDraftFile(for identity: Identity) -> URL {
        draftsDir.appendingPathComponent(typingPrefix(for: identity) + String(identity.pid) + ".json")
    }

    /// `<coach>-<hash>-<host>-`: how the typing drafts of one coach on this host begin.
    private func typingPrefix(for identity: Identity) -> String {
        draftFile(for: identity).deletingPathExtension().lastPathComponent + "-" + Self.fileSafe(identity.host) + "-"
    }

    /// Keeps what this terminal is typing (see `typingDraftFile`), replacing what it kept before.
    public func keepTypingDraft(_ data: Data, for identity: Identity) throws {
        try AtomicFile.makeDirectory(draftsDir)
        try AtomicFile.write(data, to: typingDraftFile(for: identity), folderMayBeLink: false)
    }

    /// Removes what this terminal kept while typing (its form was saved or closed).
    public func dropTypingDraft(for identity: Identity) {
        unlink(typingDraftFile(for: identity).path)
    }

    /// The coach's own draft, if any; it is removed once read. Another coach's draft is never
    /// read. A draft kept when a terminal was closed comes first; else the newest typing draft
    /// of this coach on this host whose process is gone (killed outright, `kill -9`, a power
    /// cut). A typing draft of a process still running (another terminal of the same coach)
    /// is left to it.
    public func takeDraft(for identity: Identity) -> Data? {
        let closed = draftFile(for: identity)
        if let data = try? DataFile.read(closed, limit: RecordCodec.maxRecordBytes) {
            unlink(closed.path)
            return data
        }
        let prefix = typingPrefix(for: identity)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: draftsDir.path)) ?? []
        let orphans = names.compactMap { name -> (url: URL, stamp: FileStamp)? in
            guard name.hasPrefix(prefix), name.hasSuffix(".json"), let pid = pid_t(name.dropFirst(prefix.count).dropLast(5)),
                pid != getpid(), Self.isGone(pid)
            else { return nil }
            let url = draftsDir.appendingPathComponent(name)
            return FileStamp(path: url.path, followingLinks: false).map { (url, $0) }
        }
        guard let newest = orphans.max(by: { $0.stamp.modified < $1.stamp.modified }),
            let data = try? DataFile.read(newest.url, limit: RecordCodec.maxRecordBytes)
        else { return nil }
        unlink(newest.url.path)
        return data
    }
}
