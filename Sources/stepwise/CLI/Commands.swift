import CStepwiseMemory
import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseUI

/// The commands: each returns the exit status. Each command's declaration (`Command`) sits
/// beside the function that runs it.
struct Commands {
    let store: DataStore
    let resources: URL
    let options: CommandLineOptions
    let environment: [String: String]
    /// The organisation's settings in effect (files, environment, options).
    let settings: Settings
    /// The command line's words (`cli.*`) in the screens' language.
    let strings: Localizer

    /// Runs the command (or subcommand) the command line names.
    func run() -> Int32 {
        guard case .run(let body) = (options.subcommand ?? options.command).action else {
            return usage(text("usage.needsArguments", ["command": options.commandName, "nouns": options.command.argumentNouns(strings)]))
        }
        return body(self)
    }

    /// True when the data folder exists; else says so, naming it. Commands never create it:
    /// a mistyped `--data` or an unmounted share must not give an empty caseload that then
    /// collects records on the local disk (`init` and `demo` create it).
    func requireDataFolder() -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: store.root.path, isDirectory: &isDirectory), isDirectory.boolValue {
            // Adjustments older files kept for a whole offer go to the one person they were
            // agreed for before anything reads them; `check` only reads, and says what is left.
            if options.command.name != "check" { PlacementMigration.run(store, as: Identity.current(environment: environment)) }
            return true
        }
        printError(noDataFolder(store.root))
        return false
    }
}

extension Command {
    static let tui = Command(
        "tui", summary: "open the caseload in the terminal (the default)",
        action: .run { $0.tui() })

    static let initialize = Command(
        "init", summary: "create an empty data folder (mode 0700)",
        action: .run { $0.initialize() })

    static let demo = Command(
        "demo", summary: "create demo data in an empty data folder",
        action: .run { $0.demo() })

    static let list = Command(
        "list", summary: "print the caseload (--json for scripts)",
        options: [Option("--json", "an array of JSON objects instead of lines"), Option("--ids", "only the ids, one a line")],
        action: .run { $0.list() })

    static let check = Command(
        "check", summary: "check all files, exit 1 on a problem (--retention DAYS: old records)",
        options: [Option("--retention", value: "DAYS", "list the records whose course ended more than DAYS days ago")],
        action: .run { $0.check() })
}

extension Commands {
    func tui() -> Int32 {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError(text("needsTerminal"))
            return 2
        }
        // One arena and large blocks given back when freed: 5 MB less at 100,000 participants.
        _ = sw_keep_memory_compact(128 * 1024)
        let available = Localizer.available(resources: resources)
        let language = Localizer.chooseLanguage(option: settings.language, environment: environment, available: available)
        do {
            var env = try UIEnvironment.load(
                resources: resources, language: language, timeZone: .current,
                home: environment["HOME"] ?? NSHomeDirectory())
            env.courseFrame = settings.courseFrame
            env.letterhead = settings.letterhead(for: Identity.current(environment: environment))
            guard confirmDataFolder(env.strings) else { return 1 }
            try store.prepare()
            let app = App(store: store, identity: Identity.current(), env: env, width: 80, height: 24)
            let signal = TerminalDriver(app: app).run()
            return signal == 0 ? 0 : 128 + signal
        } catch let problem as RecordProblem where problem.kind == .unknownLanguage {
            printError(noStrings(for: language, available: available))
            return 2
        } catch {
            printError(strings.problemText(error))
            return 1
        }
    }

    /// Before the screen starts: when the data folder does not exist, says so on the terminal
    /// in the screen's language and asks whether to create it (no is the default). True when
    /// the folder exists or the coach said yes.
    private func confirmDataFolder(_ strings: Localizer) -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: store.root.path, isDirectory: &isDirectory) { return true }
        let yes = strings("choice.yes")
        let prompt =
            strings("start.noDataFolder", ["path": DisplaySafe.text(store.root.path)]) + "\n"
            + strings("start.createDataFolder", ["yes": yes, "no": strings("choice.no")]) + " "
        FileHandle.standardOutput.write(Data(prompt.utf8))
        let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard !answer.isEmpty, yes.lowercased().hasPrefix(answer) || "yes".hasPrefix(answer) else {
            FileHandle.standardOutput.write(Data((strings("start.notCreated") + "\n").utf8))
            return false
        }
        return true
    }

    func initialize() -> Int32 {
        let existed = FileManager.default.fileExists(atPath: store.root.path)
        do {
            try store.prepare()
        } catch {
            printError(text("init.failed", ["path": store.root.path, "reason": "\(error)"]))
            return 1
        }
        say(text(existed ? "init.exists" : "init.created", ["path": store.root.path]))
        return 0
    }

    func demo() -> Int32 {
        do {
            let made = try DemoData.create(in: store, resources: resources, today: .today, by: Identity.current())
            say(
                text(
                    "demo.created",
                    [
                        "participants": count(made.participants, "demoParticipant"), "offers": count(made.offers, "offer"),
                        "jobs": count(made.jobs, "boardJob"), "path": store.root.path,
                    ]))
            return 0
        } catch let refusal as DemoData.Refusal {
            switch refusal {
            case .notDemo(let path): printError(text("demo.notDemo", ["path": path]))
            case .alreadyThere(let path): printError(text("demo.alreadyThere", ["path": path]))
            }
            return 1
        } catch {
            printError(text("demo.failed", ["path": store.root.path, "reason": "\(error)"]))
            return 1
        }
    }

    func list() -> Int32 {
        guard requireDataFolder() else { return 1 }
        let rows = store.loadCaseload()
        let today = Day.today
        var objects: [[String: Any]] = []
        var lines: [[String]] = []
        for row in rows {
            switch row {
            case .participant(let entry):
                if options.flags.contains("--ids") {
                    say(entry.id)
                } else if options.flags.contains("--json") {
                    objects.append(CaseloadJSON.object(entry, today: today))
                } else {
                    lines.append(CaseloadJSON.cells(entry, today: today, strings: strings))
                }
            case .unreadable(_, let problem):
                printError(text("unreadable", ["problem": strings.problemText(problem)]))
            }
        }
        CLIText.columns(lines).forEach(say)
        if options.flags.contains("--json") && !options.flags.contains("--ids") {
            guard let data = try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys]) else {
                return 1
            }
            CLIOutput.document(data + Data("\n".utf8), .json)
        }
        return 0
    }

    func check() -> Int32 {
        if let days = options.values["--retention"] { return retention(days) }
        guard requireDataFolder() else { return 1 }
        let problems = DataCheck.run(store)
        for problem in problems { say(problem.text(strings)) }
        let files = store.participantIDs().count + store.offerIDs().count
        if problems.isEmpty {
            say(text("check.clean", ["files": self.count(files, "checkedFile"), "path": store.root.path]))
            return 0
        }
        say(text("check.problems", ["problems": count(problems.count, "problem"), "path": store.root.path]))
        return 1
    }
}

/// The caseload as `stepwise list` prints it.
enum CaseloadJSON {
    static func object(_ entry: CaseloadEntry, today: Day) -> [String: Any] {
        var object: [String: Any] = ["id": entry.id, "name": entry.name, "courseStart": entry.courseStart.iso]
        switch CourseFrame.position(start: entry.courseStart, today: today) {
        case .notStarted:
            object["courseWeek"] = NSNull()
            object["courseStatus"] = "notStarted"
        case .week(let n):
            object["courseWeek"] = n
            object["courseStatus"] = "running"
        case .ended:
            object["courseWeek"] = NSNull()
            object["courseStatus"] = "ended"
        }
        if let next = entry.nextConversation {
            object["nextAppointment"] =
                [
                    "date": next.planned.iso, "kind": "conversation", "number": next.number,
                    "overdue": CourseFrame.isOverdue(next, today: today),
                ] as [String: Any]
        } else {
            object["nextAppointment"] = NSNull()
        }
        return object
    }

    /// One participant's columns: id, name, where they are in the course and the next
    /// mandatory conversation, in the words of `strings` (`cli.list.*`); dates ISO 8601.
    static func cells(_ entry: CaseloadEntry, today: Day, strings: Localizer) -> [String] {
        let week: String
        switch CourseFrame.position(start: entry.courseStart, today: today) {
        case .notStarted(let days): week = strings("course.startsIn", count: days)
        case .week(let n): week = strings("cli.list.week", ["n": String(n), "of": String(CourseFrame.weeks)])
        case .ended: week = strings("cli.list.ended")
        }
        let next =
            entry.nextConversation.map {
                strings(
                    CourseFrame.isOverdue($0, today: today) ? "cli.list.conversationOverdue" : "cli.list.conversation",
                    ["n": String($0.number), "date": $0.planned.iso])
            } ?? "-"
        return [entry.id, DisplaySafe.text(entry.name), week, next]
    }
}
