import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `stepwise check`: every record readable and valid, every file 0600 and folder 0700.
public enum DataCheck {
    /// Every problem in the data folder, in file order.
    public static func run(_ store: DataStore) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        for id in store.participantIDs() {
            do { _ = try store.loadParticipant(id) } catch let problem as RecordProblem {
                problems.append(problem)
            } catch {
                problems.append(RecordProblem(file: "participants/\(id).json", reason: "\(error)"))
            }
        }
        problems += store.loadOffers().problems
        problems += permissions(store)
        return problems
    }

    private static func permissions(_ store: DataStore) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        var stack = [store.root]
        while let dir = stack.popLast() {
            if let problem = mode(of: dir, store: store, allowed: 0o700, what: "folder") { problems.append(problem) }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() {
                let url = dir.appendingPathComponent(name)
                var isDir: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
                if exists && isDir.boolValue {
                    stack.append(url)
                } else if let problem = mode(of: url, store: store, allowed: 0o600, what: "file") {
                    problems.append(problem)
                }
            }
        }
        return problems
    }

    private static func mode(of url: URL, store: DataStore, allowed: mode_t, what: String) -> RecordProblem? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        let bits = info.st_mode & 0o777
        guard bits & ~allowed != 0 else { return nil }
        let name = store.relative(url)
        return RecordProblem(file: name.isEmpty || name == url.path ? url.path : name,
                             reason: "\(what) mode is \(String(bits, radix: 8)); it must be \(String(allowed, radix: 8)) so that only its owner can read it")
    }
}
