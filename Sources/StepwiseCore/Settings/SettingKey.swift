import Foundation

/// A key of the configuration file: its name, what it sets, and how its value is checked.
public struct SettingKey: Sendable {
    /// The key as written, with `LOGIN` standing for a coach's login, e.g. `coach.LOGIN.phone`.
    public let name: String
    /// The value when nothing sets it, as written in a file; nil when there is none.
    public let standard: String?
    /// The environment variable that sets it, if any.
    public let variable: String?
    /// The command-line option that sets it, if any.
    public let option: String?
    /// nil when `value` is good; else why not. `languages` are the ones with string tables.
    let problem: @Sendable (_ value: String, _ languages: [String]) -> String?

    /// Every key, in the order `stepwise config` shows them.
    public static let all: [SettingKey] = [
        SettingKey(
            name: "data", standard: nil, variable: "STEPWISE_DATA", option: "--data",
            problem: { value, _ in value.isEmpty ? "needs a folder" : nil }),
        SettingKey(
            name: "language", standard: nil, variable: "STEPWISE_LANG",
            option: "--lang",
            problem: { value, languages in
                languages.contains(value) ? nil : "'\(value)' is not one of the languages: \(languages.joined(separator: ", "))"
            }),
        SettingKey(
            name: "timezone", standard: nil,
            variable: "STEPWISE_TIMEZONE",
            option: nil,
            problem: { value, _ in TimeZone(identifier: value) == nil ? "'\(value)' is not a time zone (e.g. Europe/Stockholm)" : nil }),
        SettingKey(
            name: "organisation.name", standard: nil, variable: nil, option: nil,
            problem: { value, _ in SettingKey.textProblem(value) }),
        SettingKey(
            name: "organisation.address", standard: nil, variable: nil,
            option: nil, problem: { value, _ in SettingKey.textProblem(value) }),
        SettingKey(
            name: "organisation.phone", standard: nil, variable: nil,
            option: nil, problem: { value, _ in SettingKey.phoneProblem(value) }),
        SettingKey(
            name: "course.weeks", standard: "26", variable: nil, option: nil,
            problem: { value, _ in
                CourseFrame.weeksRange.contains(Int(value) ?? 0) ? nil : "'\(value)' is not a number of weeks from 1 to 104"
            }),
        SettingKey(
            name: "course.conversations",
            standard: "1, 13, 25", variable: nil, option: nil,
            problem: { value, _ in
                SettingKey.weeks(value) == nil ? "'\(value)' is not a list of course weeks in ascending order, e.g. 1, 13, 25" : nil
            }),
        SettingKey(
            name: "summary.signature", standard: "no",
            variable: nil, option: nil,
            problem: { value, _ in SettingKey.flag(value) == nil ? "'\(value)' is not yes or no" : nil }),
        SettingKey(
            name: "coach.LOGIN.name",
            standard: nil, variable: nil, option: nil, problem: { value, _ in SettingKey.textProblem(value) }),
        SettingKey(
            name: "coach.LOGIN.phone", standard: nil, variable: nil, option: nil,
            problem: { value, _ in SettingKey.phoneProblem(value) }),
        SettingKey(
            name: "coach.LOGIN.email", standard: nil, variable: nil, option: nil,
            problem: { value, _ in SettingKey.emailProblem(value) }),
    ]

    /// The key that `key` is an instance of (`coach.anna.phone` is one of `coach.LOGIN.phone`).
    public static func matching(_ key: String) -> SettingKey? {
        let general = coachKey(key).map { "coach.LOGIN." + $0.field } ?? key
        return all.first { $0.name == general }
    }

    /// A sort key for full keys: the organisation's keys in `all`'s order, then each coach's
    /// by login, each in `all`'s order.
    public static func order(_ key: String) -> (String, Int) {
        let name = matching(key)?.name
        return (coachKey(key)?.login ?? "", all.firstIndex { $0.name == name } ?? all.count)
    }

    /// `coach.LOGIN.FIELD` split into the login (which may hold dots) and the field.
    static func coachKey(_ key: String) -> (login: String, field: String)? {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0] == "coach", let field = parts.last else { return nil }
        let login = parts.dropFirst().dropLast().joined(separator: ".")
        return login.isEmpty ? nil : (login, String(field))
    }

    /// `yes`/`no` (also `true`/`false`, `on`/`off`) as a truth value; nil for anything else.
    public static func flag(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "yes", "true", "on": return true
        case "no", "false", "off": return false
        default: return nil
        }
    }

    /// `1, 13, 25` as weeks: at least one, each from 1, strictly ascending; nil otherwise.
    public static func weeks(_ value: String) -> [Int]? {
        let weeks = value.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !weeks.isEmpty, weeks.allSatisfy({ ($0 ?? 0) >= 1 }) else { return nil }
        let numbers = weeks.compactMap { $0 }
        return zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 } ? numbers : nil
    }

    private static func textProblem(_ value: String) -> String? {
        if value.isEmpty { return "needs a value" }
        return value.unicodeScalars.contains { $0.properties.generalCategory == .control } ? "holds a control character" : nil
    }

    /// A phone number: digits with `+`, spaces, `-`, `/`, `(`, `)`; at least three digits.
    private static func phoneProblem(_ value: String) -> String? {
        let allowed = CharacterSet(charactersIn: "0123456789+-/() ")
        let digits = value.filter(\.isASCII).filter(\.isNumber).count
        guard digits >= 3, value.unicodeScalars.allSatisfy(allowed.contains) else {
            return "'\(value)' is not a phone number (digits, spaces and + - / ( ) only)"
        }
        return nil
    }

    /// An addr-spec (RFC 5322) in its common form: LOCAL@DOMAIN, no spaces, a dot in the domain.
    private static func emailProblem(_ value: String) -> String? {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !value.contains(where: { $0.isWhitespace || $0.isNewline })
        else {
            return "'\(value)' is not an e-mail address (name@example.org)"
        }
        return nil
    }
}
