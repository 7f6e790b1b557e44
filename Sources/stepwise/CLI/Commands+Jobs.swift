import Foundation
import StepwiseCore
import StepwiseUI

/// `stepwise jobs list [--json] [--status open|filled|expired]`, `jobs import FILE.csv` and
/// `jobs export [--output FILE] [--separator ;]`: the job board for scripts and spreadsheets,
/// by the same CSV rules as the offer catalogue.
extension Command {
    static let jobs = Command(
        "jobs", summary: "list, import or export the job board (CSV)",
        action: .subcommands([
            Command(
                "list", summary: "print the job board (--json for scripts)",
                options: [
                    Option("--json", "an array of JSON objects instead of lines"),
                    Option("--status", value: "open|filled|expired", completes: .words, "only jobs of this status today"),
                ],
                action: .run { $0.listJobs() }),
            Command(
                "import", summary: "import a job board spreadsheet saved as CSV",
                arguments: [Argument(name: "FILE.csv", noun: "a file name", completes: .file)], action: .run { $0.importJobs() }),
            Command(
                "export", summary: "write the job board as CSV",
                options: [
                    Option("--output", value: "FILE", completes: .file, "write to FILE (mode 0600) instead of standard output"),
                    Option(
                        "--separator", value: ",|;|tab", completes: .words, "the separator: , ; or tab (default ; for da, sv, de, else ,)"),
                ],
                action: .run { $0.exportJobs() }),
        ]))
}

extension Commands {
    func listJobs() -> Int32 {
        let wanted = options.values["--status"].map { BoardJob.Status(rawValue: $0.lowercased()) }
        if case .some(nil) = wanted { return usage(text("jobs.statusValues")) }
        guard requireDataFolder() else { return 1 }
        let (jobs, problems) = store.loadJobs()
        for problem in problems { printError(text("unreadable", ["problem": strings.problemText(problem)])) }
        let today = Day(Date(), timeZone: .current)
        let counts = JobBoard.applicationCounts(in: store)
        let shown = JobBoard.sorted(jobs).filter { job in wanted.map { job.status(on: today) == $0 } ?? true }
        if options.flags.contains("--json") {
            let objects = shown.map { job -> [String: Any] in
                var object: [String: Any] = Dictionary(uniqueKeysWithValues: JobCSV.cells(job))
                object["deadline"] = job.deadline.map { $0.iso as Any } ?? NSNull()
                object["status"] = job.status(on: today).rawValue
                object["applications"] = counts[job.id] ?? 0
                return object
            }
            guard let data = try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys]) else {
                return 1
            }
            CLIOutput.document(data + Data("\n".utf8), .json)
        } else {
            let rows = shown.map { job in
                [
                    job.id, job.deadline?.iso ?? text("jobs.noDeadline"), strings("board.status." + job.status(on: today).rawValue),
                    count(counts[job.id] ?? 0, "application"), DisplaySafe.text(job.title) + " · " + DisplaySafe.text(job.employer),
                ]
            }
            CLIText.columns(rows).forEach(say)
        }
        return problems.isEmpty ? 0 : 1
    }

    func exportJobs() -> Int32 {
        guard let separator = chosenSeparator() else {
            return usage(text("separatorValues", ["value": options.values["--separator"] ?? ""]))
        }
        guard requireDataFolder() else { return 1 }
        let (jobs, problems) = store.loadJobs()
        if !problems.isEmpty {
            for problem in problems { printError(text("unreadable", ["problem": strings.problemText(problem)])) }
            printError(text("jobs.exportIncomplete", ["files": count(problems.count, "jobFile")]))
            return 1
        }
        guard let destination = emit(JobCSV.export(jobs, separator: separator), .data) else { return 1 }
        if case .file(let output) = destination { say(text("exported", ["records": count(jobs.count, "job"), "path": output])) }
        return 0
    }

    func importJobs() -> Int32 {
        let path = options.positional[0]
        guard requireDataFolder(), let data = readInputFile(path) else { return 1 }
        let identity = Identity.current(environment: environment)
        let report = JobImport.run(data, into: JobBoard(store: store, identity: identity))
        return tell(report, of: "job", from: path, skipBad: nil) {
            do {
                try AuditLog(store: store).record(.jobsImported, participant: nil, by: identity)
            } catch {
                warn(text("jobs.auditFailed", ["reason": "\(error)"]))
            }
        }
    }
}
