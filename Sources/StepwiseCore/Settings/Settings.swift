import Foundation

/// Where a setting in effect came from.
public enum SettingSource: Equatable, Sendable, CustomStringConvertible {
    /// Nothing set it: the built-in value.
    case standard
    /// A configuration file, and the line in it.
    case file(path: String, line: Int)
    /// An environment variable, e.g. `STEPWISE_DATA`.
    case environment(String)
    /// A command-line option, e.g. `--data`.
    case option(String)

    /// `default`, `FILE:LINE`, `$VARIABLE` or `--option`: also the origin named in problems.
    public var description: String {
        switch self {
        case .standard: return "default"
        case .file(let path, let line): return "\(path):\(line)"
        case .environment(let name): return "$" + name
        case .option(let name): return name
        }
    }
}

/// An organisation's settings in effect: the configuration files, then environment variables,
/// then command-line options, each overriding the one before.
///
/// The files are `/etc/stepwise/stepwise.conf` (or the file `$STEPWISE_CONFIG` names) for
/// everyone on the computer, then `$XDG_CONFIG_HOME/stepwise/stepwise.conf` (default
/// `~/.config/stepwise/stepwise.conf`) for one user; their format is `SettingsFile`'s and their
/// keys are `SettingKey.all`. Every value is checked, also one that a later layer overrides.
public struct Settings: Sendable {
    /// A value in effect and where it came from.
    public struct Value: Equatable, Sendable {
        public let value: String
        public let source: SettingSource
    }

    /// A coach's details as the citizen sees them; nil fields are not set.
    public struct Coach: Equatable, Sendable {
        public var name: String?
        public var phone: String?
        public var email: String?
    }

    /// Every key that is set or has a built-in value, by full key (`coach.anna.phone`).
    public let values: [String: Value]

    /// The settings of these layers, read in order (later ones override earlier ones):
    /// `files` as (path, text), then `environment`'s variables, then `options` (option name →
    /// value, e.g. `--data`). `languages` are the ones with string tables. Throws the first
    /// `SettingsProblem`: a line that cannot be read, an unknown key, a bad value, or
    /// conversations that fall after the course's last week.
    public static func resolve(
        files: [(path: String, text: String)], environment: [String: String], options: [String: String],
        languages: [String]
    ) throws -> Settings {
        var values: [String: Value] = [:]
        for key in SettingKey.all {
            if let standard = key.standard { values[key.name] = Value(value: standard, source: .standard) }
        }
        func set(_ key: String, _ value: String, _ source: SettingSource) throws {
            guard let spec = SettingKey.matching(key) else {
                throw SettingsProblem(origin: source.description, key: key, message: "is not a setting (see 'stepwise config --help')")
            }
            if let problem = spec.problem(value, languages) {
                throw SettingsProblem(origin: source.description, key: key, message: problem)
            }
            if case .file = source, key == "data", !value.hasPrefix("/") {
                throw SettingsProblem(origin: source.description, key: key, message: "'\(value)' is not an absolute path")
            }
            values[key] = Value(value: value, source: source)
        }
        for file in files {
            for entry in try SettingsFile.parse(file.text, file: file.path) {
                try set(entry.key, entry.value, .file(path: file.path, line: entry.line))
            }
        }
        for key in SettingKey.all {
            if let variable = key.variable, let value = environment[variable], !value.isEmpty {
                try set(key.name, value, .environment(variable))
            }
        }
        for key in SettingKey.all {
            if let option = key.option, let value = options[option] { try set(key.name, value, .option(option)) }
        }
        let settings = Settings(values: values)
        if settings.conversationWeeks.contains(where: { $0 > settings.courseWeeks }), let given = values["course.conversations"] {
            throw SettingsProblem(
                origin: given.source.description, key: "course.conversations",
                message: "'\(given.value)' has a week after the course's last week, \(settings.courseWeeks)")
        }
        return settings
    }

    /// The settings for this process: the files as described above (a missing file is
    /// skipped), `environment`, and `options`. Throws `SettingsProblem` as `resolve` does,
    /// and when a file exists but cannot be read.
    public static func load(environment: [String: String], options: [String: String], languages: [String]) throws -> Settings {
        var files: [(path: String, text: String)] = []
        for path in filePaths(environment: environment) where FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw SettingsProblem(origin: path, key: nil, message: "cannot be read as UTF-8 text (check its permissions)")
            }
            files.append((path, text))
        }
        return try resolve(files: files, environment: environment, options: options, languages: languages)
    }

    /// The configuration files read, in order: the organisation's, then the user's.
    public static func filePaths(environment: [String: String]) -> [String] {
        let system = environment["STEPWISE_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? "/etc/stepwise/stepwise.conf"
        let home = environment["HOME"] ?? NSHomeDirectory()
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config"
        return [system, config + "/stepwise/stepwise.conf"]
    }

    /// The data folder set, if any (else `DataStore.defaultRoot`'s rules apply).
    public var dataFolder: String? { values["data"]?.value }
    /// The screen language set, if any (else the locale's).
    public var language: String? { values["language"]?.value }
    /// The time zone set, if any (else the system's).
    public var timeZone: TimeZone? { values["timezone"].flatMap { TimeZone(identifier: $0.value) } }
    /// Whether the printed plan ends with lines to sign.
    public var signatureLine: Bool { values["summary.signature"].flatMap { SettingKey.flag($0.value) } ?? false }
    /// The organisation's name, address and phone as set.
    public var organisation: (name: String?, address: String?, phone: String?) {
        (values["organisation.name"]?.value, values["organisation.address"]?.value, values["organisation.phone"]?.value)
    }

    /// The frame of a course created now.
    public var courseFrame: CourseFrame {
        CourseFrame(weeks: courseWeeks, conversationWeeks: conversationWeeks) ?? .standard
    }

    private var courseWeeks: Int { values["course.weeks"].flatMap { Int($0.value) } ?? CourseFrame.standard.weeks }
    private var conversationWeeks: [Int] {
        values["course.conversations"].flatMap { SettingKey.weeks($0.value) } ?? CourseFrame.standard.conversationWeeks
    }

    /// The details of the coach known as `login` (their login or `$STEPWISE_COACH`).
    public func coach(_ login: String) -> Coach {
        Coach(
            name: values["coach.\(login).name"]?.value, phone: values["coach.\(login).phone"]?.value,
            email: values["coach.\(login).email"]?.value)
    }

    /// The details of the coach at this terminal: those set for their `$STEPWISE_COACH` name,
    /// else for their login.
    public func coach(for identity: Identity) -> Coach {
        let named = coach(identity.coach)
        let login = coach(identity.user)
        return Coach(name: named.name ?? login.name, phone: named.phone ?? login.phone, email: named.email ?? login.email)
    }

    /// What goes on every plan summary that the coach at this terminal makes.
    public func letterhead(for identity: Identity) -> SummaryLetterhead {
        let coach = coach(for: identity)
        return SummaryLetterhead(
            organisation: [organisation.name, organisation.address, organisation.phone].compactMap { $0 },
            coachName: coach.name, coachContact: [coach.phone, coach.email].compactMap { $0 },
            signatureLines: signatureLine)
    }

    /// Every value in effect as `(key, value, source)`, in `SettingKey.order`, for `stepwise config`.
    public var listing: [(key: String, value: Value)] {
        values.map { (key: $0.key, value: $0.value) }.sorted { SettingKey.order($0.key) < SettingKey.order($1.key) }
    }
}
