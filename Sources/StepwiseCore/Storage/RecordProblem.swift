import Foundation

/// Why a data file could not be used: the kind of problem, the file, the field (when one is to
/// blame) and the reason in words, in English (`description`) and in the language a person
/// reads (`text(_:)`). Callers decide by `kind`, never by the words.
public struct RecordProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: String, Equatable, Sendable {
        /// The file does not exist (an unknown id).
        case missing
        /// The file exists but cannot be read (permissions, not a file).
        case unreadable
        /// The file was read, but what it holds is not a valid record.
        case invalid
        /// There are no strings for the language asked for.
        case unknownLanguage
    }

    public var kind: Kind
    /// Path relative to the data folder, e.g. `participants/p-abc.json`.
    public var file: String
    /// The field at fault, e.g. `conversations[1].status`; nil when the whole file is.
    public var field: String?
    /// In words, naming the expected form and never the value found, e.g. "expected a date".
    public var why: ProblemReason
    /// The reason in English.
    public var reason: String { why.english }

    /// An invalid record.
    public init(file: String, field: String? = nil, reason: ProblemReason) {
        self.init(kind: .invalid, file: file, field: field, reason: reason)
    }

    public init(kind: Kind, file: String, field: String? = nil, reason: ProblemReason) {
        self.kind = kind
        self.file = file
        self.field = field
        self.why = reason
    }

    /// A file that does not exist.
    public static func missing(_ file: String) -> RecordProblem { RecordProblem(kind: .missing, file: file, reason: .missing) }

    /// A file that exists but cannot be read.
    public static func unreadable(_ file: String) -> RecordProblem {
        RecordProblem(kind: .unreadable, file: file, reason: .unreadable)
    }

    /// "participants/p-1.json: field 'name': is empty", in English.
    public var description: String {
        if let field { return "\(file): field '\(field)': \(reason)" }
        return "\(file): \(reason)"
    }

    /// The reason, with the field when one is to blame ("field 'name': is empty"), in the
    /// language of `strings`.
    public func reasonText(_ strings: Localizer) -> String {
        guard let field else { return why.text(strings) }
        return strings("problem.inField", ["field": field, "reason": why.text(strings)])
    }

    /// The whole problem, file first, in the language of `strings`: the translated `description`.
    public func text(_ strings: Localizer) -> String {
        strings("problem.inFile", ["file": file, "reason": reasonText(strings)])
    }
}

extension RecordProblem {
    /// Describes a decoding error in words a coach can act on, naming the field.
    init(file: String, decoding error: DecodingError) {
        func path(_ keys: [CodingKey]) -> String? {
            let text = keys.reduce(into: "") { result, key in
                if let index = key.intValue {
                    result += "[\(index)]"
                } else {
                    result += (result.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text.isEmpty ? nil : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            self.init(file: file, field: path(context.codingPath + [key]), reason: .isMissing)
        case .typeMismatch(let type, let context):
            self.init(file: file, field: path(context.codingPath), reason: RecordProblem.expected(type, null: false))
        case .valueNotFound(let type, let context):
            self.init(file: file, field: path(context.codingPath), reason: RecordProblem.expected(type, null: true))
        case .dataCorrupted(let context):
            let reason =
                context.debugDescription.hasPrefix("Cannot initialize")
                ? .notAllowed
                : ProblemReason.decoding[context.debugDescription] ?? .untranslated(context.debugDescription)
            self.init(file: file, field: path(context.codingPath), reason: reason)
        @unknown default:
            self.init(file: file, reason: .couldNotRead)
        }
    }

    /// "expected a number" (or "..., found null"), naming the form `type` has.
    private static func expected(_ type: Any.Type, null: Bool) -> ProblemReason {
        let form: (english: String, key: String)
        switch type {
        case is String.Type: form = ("text", "problem.form.text")
        case is Int.Type, is Double.Type: form = ("a number", "problem.form.number")
        case is Bool.Type: form = ("true or false", "problem.form.bool")
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") {
                form = ("a list", "problem.form.list")
            } else if name.hasPrefix("Dictionary") {
                form = ("an object", "problem.form.object")
            } else {
                let english = "expected a \(name)" + (null ? ", found null" : "")
                return ProblemReason(english, key: null ? "problem.expectedTypeNotNull" : "problem.expectedType", ["type": name])
            }
        }
        return null ? .expectedNotNull(form.english, form: form.key) : .expected(form.english, form: form.key)
    }
}
