import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Files that are only ever appended to, one JSON object per line (the plan history
/// `history/<id>.jsonl` and `audit.log`): reading them safely, and finding lines that a crash
/// or a full disk left damaged.
public enum AppendOnlyFile {
    /// The length of `fd`'s content up to and including its last line break: `size` when the
    /// file ends with one (or is empty), less when its last line was cut off.
    static func completeLength(_ fd: Int32, size: off_t) -> off_t {
        var end = size
        var buffer = [UInt8](repeating: 0, count: 4096)
        while end > 0 {
            let start = max(0, end - off_t(buffer.count))
            let count = Int(end - start)
            let read = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, start) }
            guard read == count else { return size }
            if let last = buffer[0..<count].lastIndex(of: 0x0A) {
                return start + off_t(last) + 1
            }
            end = start
        }
        return 0
    }

    /// Lines of an append-only file that cannot be used, each named by file and line number:
    /// a last line without its line break (cut off by a crash; it is removed at the next
    /// append, the lines before it stay) and lines `isReadable` refuses. `file` is the path
    /// as problems name it.
    public static func problems(in url: URL, file: String, isReadable: (Data) -> Bool) -> [RecordProblem] {
        let data: Data
        do {
            guard let read = try DataFile.read(url, limit: RecordCodec.maxLogBytes) else { return [] }
            data = read
        } catch let problem as DataFile.Problem {
            return [RecordProblem(kind: .unreadable, file: file, reason: problem.why)]
        } catch {
            return [RecordProblem.unreadable(file)]
        }
        var problems: [RecordProblem] = []
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            let isLast = index == lines.count - 1
            if isLast {
                problems.append(
                    RecordProblem(
                        file: file,
                        reason: ProblemReason(
                            "line \(index + 1) is cut off (a write was interrupted); "
                                + "it is removed at the next write, the lines before it are kept",
                            key: "problem.lineCutOff", ["line": String(index + 1)])))
            } else if !isReadable(Data(line)) {
                problems.append(
                    RecordProblem(
                        file: file, reason: ProblemReason("line \(index + 1) cannot be read", key: "problem.lineUnreadable", ["line": String(index + 1)])))
            }
        }
        return problems
    }
}
