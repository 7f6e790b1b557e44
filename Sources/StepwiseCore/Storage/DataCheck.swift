import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `stepwise check`: every record readable and valid, every line of the plan histories and the
/// audit log whole, every file 0600 and folder 0700, and nothing in the data folder that
/// Stepwise did not put there (symbolic links, FIFOs and other non-files, temp files left by
/// interrupted writes). It reads and never changes anything, never follows a link inside the
/// data folder, and never blocks on a FIFO. The data folder itself may be given as a link.
public enum DataCheck {
    /// How old a temp file must be before it counts as left behind (a write in progress
    /// takes milliseconds).
    static let strayTempAge: TimeInterval = 60

    /// Every problem in the data folder, in file order.
    public static func run(_ store: DataStore) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        for id in store.participantIDs() {
            do { _ = try store.loadParticipant(id) } catch let problem as RecordProblem {
                problems.append(problem)
            } catch {
                problems.append(RecordProblem(file: "participants/\(id).json", reason: .untranslated("\(error)")))
            }
        }
        let offers = store.loadOffers()
        problems += offers.problems
        problems += PlacementMigration.problems(in: offers.offers)
        problems += store.loadJobs().problems
        problems += store.historyProblems()
        problems += AuditLog(store: store).problems()
        problems += walk(store)
        return problems
    }

    /// Modes, links, non-files and stray temp files, found by walking the folder with `lstat`
    /// (links are named, never followed, so a loop of links cannot make the walk endless).
    private static func walk(_ store: DataStore) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        var info = stat()
        // The data folder itself may be a link to the real folder: its target is checked.
        if stat(store.root.path, &info) == 0, let problem = mode(info, of: store.root.path, allowed: 0o700, what: "folder") {
            problems.append(problem)
        }
        var stack = [store.root]
        while let dir = stack.popLast() {
            for name in DataFolder.names(in: dir, followLink: dir == store.root) {
                let url = dir.appendingPathComponent(name)
                let file = store.relative(url)
                guard lstat(url.path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if let problem = mode(info, of: file, allowed: 0o700, what: "folder") { problems.append(problem) }
                    stack.append(url)
                case S_IFREG:
                    if let problem = mode(info, of: file, allowed: 0o600, what: "file") { problems.append(problem) }
                    if name.hasSuffix(".tmp"), age(info) > strayTempAge {
                        problems.append(
                            RecordProblem(
                                file: file,
                                reason: ProblemReason(
                                    "is a temporary file left by an interrupted write; it may hold citizen data: remove it",
                                    key: "problem.strayTemp")))
                    }
                case S_IFLNK:
                    problems.append(
                        RecordProblem(
                            kind: .unreadable, file: file,
                            reason: ProblemReason(
                                "is a symbolic link; Stepwise never follows links inside its data folder: remove it",
                                key: "problem.symlinkRemove")))
                default:
                    problems.append(
                        RecordProblem(
                            kind: .unreadable, file: file,
                            reason: ProblemReason(
                                "is \(AtomicFile.fileKind(info.st_mode)), not a file Stepwise writes; remove it",
                                key: "problem.notAFileRemove", keyArguments: ["kind": ProblemReason.fileKindKey(info.st_mode)])))
                }
            }
        }
        return problems.sorted { $0.file < $1.file }
    }

    private static func mode(_ info: stat, of file: String, allowed: mode_t, what: String) -> RecordProblem? {
        let bits = info.st_mode & 0o777
        guard bits & ~allowed != 0 else { return nil }
        let (mode, must) = (String(bits, radix: 8), String(allowed, radix: 8))
        return RecordProblem(
            file: file,
            reason: ProblemReason(
                "\(what) mode is \(mode); it must be \(must) so that only its owner can read it",
                key: "problem.mode." + what, ["mode": mode, "must": must]))
    }

    private static func age(_ info: stat) -> TimeInterval {
        Date().timeIntervalSince1970 - (Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }
}
