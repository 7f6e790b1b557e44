import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The history of each participant's plan: `history/<id>.jsonl`, one version per line,
/// only ever appended to.
extension DataStore {
    var historyDir: URL { root.appendingPathComponent("history") }

    func historyFile(_ id: String) throws -> URL {
        _ = try participantFile(id)
        return historyDir.appendingPathComponent(id + ".jsonl")
    }

    /// Appends a version (one JSON line, written whole and fsynced).
    public func appendHistory(_ version: PlanVersion, participant id: String) throws {
        try AtomicFile.makeDirectory(historyDir)
        let url = try historyFile(id)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var line = try encoder.encode(version)
        line.append(0x0A)
        try AtomicFile.append(line, to: url)
    }

    /// Every readable version, oldest first; a line left half-written by a crash is skipped.
    public func loadHistory(participant id: String) -> [PlanVersion] {
        guard let url = try? historyFile(id), let data = FileManager.default.contents(atPath: url.path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(PlanVersion.self, from: Data($0)) }
    }
}
