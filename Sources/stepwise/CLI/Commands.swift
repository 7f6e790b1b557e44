import Foundation
import StepwiseCore
import StepwiseApp
import StepwiseUI

/// The commands: each returns the exit status.
struct Commands {
    let store: DataStore
    let resources: URL
    let options: CommandLineOptions
    let environment: [String: String]

    /// The function of each command, by name.
    static let handlers: [String: @Sendable (Commands) -> Int32] = [
        "tui": { $0.tui() },
        "demo": { $0.demo() },
        "list": { $0.list() },
        "check": { $0.check() },
        "offers": { $0.offers() },
        "book": { $0.book() },
        "unbook": { $0.unbook() },
        "summary": { $0.summary() },
        "calendar": { $0.calendar() },
        "export": { $0.export() },
        "erase": { $0.erase() },
    ]

    func run() -> Int32 {
        (Commands.handlers[options.command] ?? { $0.tui() })(self)
    }

    func demo() -> Int32 {
        do {
            let made = try DemoData.create(in: store, resources: resources, today: .today, by: Identity.current())
            print("Created \(made.participants) demo participants and \(made.offers) offers in \(store.root.path)")
            return 0
        } catch let refusal as DemoData.Refusal {
            printError(refusal.description)
            return 1
        } catch {
            printError("could not create demo data in \(store.root.path): \(error)")
            return 1
        }
    }

    func list() -> Int32 {
        let rows = store.loadCaseload()
        let today = Day.today
        var objects: [[String: Any]] = []
        for row in rows {
            switch row {
            case let .participant(entry):
                if options.flags.contains("--json") {
                    objects.append(CaseloadJSON.object(entry, today: today))
                } else {
                    print(CaseloadJSON.line(entry, today: today))
                }
            case let .unreadable(_, problem):
                printError("unreadable: \(problem)")
            }
        }
        if options.flags.contains("--json") {
            guard let data = try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys]) else {
                return 1
            }
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
        return 0
    }

    func check() -> Int32 {
        if let days = options.values["--retention"] { return retention(days) }
        guard FileManager.default.fileExists(atPath: store.root.path) else {
            printError("\(store.root.path) does not exist")
            return 1
        }
        let problems = DataCheck.run(store)
        for problem in problems { print(problem.description) }
        let count = store.participantIDs().count + store.offerIDs().count
        if problems.isEmpty {
            print("\(count) files checked in \(store.root.path): no problems")
            return 0
        }
        print("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(store.root.path)")
        return 1
    }

    func tui() -> Int32 {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError("the caseload screen needs a terminal; for scripts use 'stepwise list'")
            return 2
        }
        let available = Localizer.available(resources: resources)
        let language = Localizer.chooseLanguage(option: options.language, environment: environment, available: available)
        do {
            try store.prepare()
            let strings = try Localizer.load(language: language, resources: resources)
            let english = try Localizer.load(language: "en", resources: resources)
            // Other languages' tables are read when a citizen's summary first needs them.
            let env = UIEnvironment(strings: strings, dates: DateParser(localizer: strings, english: english), languages: available,
                                    indicators: try IndicatorSet.load(resources: resources),
                                    tables: ["en": english].merging([language: strings]) { _, chosen in chosen },
                                    resources: resources, timeZone: .current, home: environment["HOME"] ?? NSHomeDirectory())
            let app = App(store: store, identity: Identity.current(), env: env, width: 80, height: 24)
            let signal = TerminalDriver(app: app).run()
            return signal == 0 ? 0 : 128 + signal
        } catch let problem as RecordProblem where problem.reason == "no such language" {
            printError("no strings for language '\(language)'; available: \(available.joined(separator: ", "))")
            return 2
        } catch {
            printError("\(error)")
            return 1
        }
    }

    func printError(_ message: String) {
        FileHandle.standardError.write(Data(("stepwise: " + message + "\n").utf8))
    }
}

/// The caseload as `stepwise list` prints it.
enum CaseloadJSON {
    static func object(_ entry: CaseloadEntry, today: Day) -> [String: Any] {
        var object: [String: Any] = ["id": entry.id, "name": entry.name, "courseStart": entry.courseStart.iso]
        switch CourseFrame.position(start: entry.courseStart, today: today) {
        case .notStarted: object["courseWeek"] = NSNull(); object["courseStatus"] = "notStarted"
        case let .week(n): object["courseWeek"] = n; object["courseStatus"] = "running"
        case .ended: object["courseWeek"] = NSNull(); object["courseStatus"] = "ended"
        }
        if let next = entry.nextConversation {
            object["nextAppointment"] = ["date": next.planned.iso, "kind": "conversation", "number": next.number,
                                         "overdue": CourseFrame.isOverdue(next, today: today)] as [String: Any]
        } else {
            object["nextAppointment"] = NSNull()
        }
        return object
    }

    static func line(_ entry: CaseloadEntry, today: Day) -> String {
        let week: String
        switch CourseFrame.position(start: entry.courseStart, today: today) {
        case let .notStarted(days): week = "starts in \(days) d"
        case let .week(n): week = "week \(n)/\(CourseFrame.weeks)"
        case .ended: week = "ended"
        }
        let next = entry.nextConversation.map {
            "conversation \($0.number): \($0.planned.iso)" + (CourseFrame.isOverdue($0, today: today) ? " (overdue)" : "")
        } ?? "-"
        return [entry.id, DisplayWidth.pad(entry.name, to: 30), DisplayWidth.pad(week, to: 14), next].joined(separator: "  ")
    }
}
