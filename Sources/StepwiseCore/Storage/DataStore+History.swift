import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The history of each participant's plan: `history/<id>.jsonl`, one version per line,
/// only ever appended to.
extension DataStore {
    var historyDir: URL { root.appendingPathComponent("history", isDirectory: true) }

    func historyFile(_ id: String) throws -> URL {
        _ = try participantFile(id)
        return historyDir.appendingPathComponent(id + ".jsonl", isDirectory: false)
    }

    /// The record was saved, but its plan version could not be added to the history.
    public struct HistoryNotWritten: Error, CustomStringConvertible {
        /// The history file, relative to the data folder.
        public let file: String
        /// The system's reason.
        public let reason: String
        public var description: String {
            "the record was saved, but this plan version was not added to its history (\(file): \(reason))"
        }
    }

    /// Appends a version (one JSON line, written whole and fsynced, or not at all). Throws
    /// `HistoryNotWritten` with the real reason when it cannot be written.
    public func appendHistory(_ version: PlanVersion, participant id: String) throws {
        let url = try historyFile(id)
        let line = try HistoryLineEncoder.line(version, participant: id)
        do {
            try AtomicFile.makeDirectory(historyDir)
            try AtomicFile.append(line, to: url)
        } catch let error as AtomicFile.WriteError {
            throw HistoryNotWritten(file: relative(url), reason: error.reason)
        }
    }

    /// Every readable version, oldest first; a line left half-written by a crash is skipped.
    public func loadHistory(participant id: String) -> [PlanVersion] {
        guard let url = try? historyFile(id), let data = try? DataFile.read(url, limit: RecordCodec.maxLogBytes) else { return [] }
        return LineRanges.of(data).compactMap { DataStore.historyVersion(data[$0]) }
    }

    /// The newest versions, oldest first: read back from the end of the history to the first
    /// version `reaches` accepts (included), so that opening a record with years of history
    /// decodes only the versions its change marks need (`PlanChanges.reaches`). `complete` is
    /// true when every readable version was read. A line left half-written is skipped.
    public func loadRecentHistory(participant id: String, through reaches: (PlanVersion) -> Bool) -> (
        versions: [PlanVersion], complete: Bool
    ) {
        guard let url = try? historyFile(id), let data = try? DataFile.read(url, limit: RecordCodec.maxLogBytes) else { return ([], true) }
        var versions: [PlanVersion] = []
        let lines = LineRanges.of(data)
        for (offset, line) in lines.enumerated().reversed() {
            guard let version = DataStore.historyVersion(data[line]) else { continue }
            versions.append(version)
            if reaches(version) { return (versions.reversed(), offset == 0) }
        }
        return (versions.reversed(), true)
    }

    /// Problems in every plan history: lines cut off or unreadable, named by file and line.
    func historyProblems() -> [RecordProblem] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: historyDir.path)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().flatMap { name -> [RecordProblem] in
            let url = historyDir.appendingPathComponent(name)
            return AppendOnlyFile.problems(in: url, file: relative(url)) { DataStore.historyVersion($0) != nil }
        }
    }

    private static func historyVersion<Line: DataProtocol>(_ line: Line) -> PlanVersion? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(PlanVersion.self, from: Data(line))
    }
}
