import Foundation

/// Why a data file could not be used: the kind of problem, the file, the field (when one is to
/// blame) and the reason in words. Callers decide by `kind`, never by the words.
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
    public var reason: String

    /// An invalid record.
    public init(file: String, field: String? = nil, reason: String) {
        self.init(kind: .invalid, file: file, field: field, reason: reason)
    }

    public init(kind: Kind, file: String, field: String? = nil, reason: String) {
        self.kind = kind
        self.file = file
        self.field = field
        self.reason = reason
    }

    /// A file that does not exist.
    public static func missing(_ file: String) -> RecordProblem { RecordProblem(kind: .missing, file: file, reason: "does not exist") }

    /// A file that exists but cannot be read.
    public static func unreadable(_ file: String) -> RecordProblem {
        RecordProblem(kind: .unreadable, file: file, reason: "cannot be read")
    }

    public var description: String {
        if let field { return "\(file): field '\(field)': \(reason)" }
        return "\(file): \(reason)"
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
            self.init(file: file, field: path(context.codingPath + [key]), reason: "is missing")
        case .typeMismatch(let type, let context):
            self.init(file: file, field: path(context.codingPath), reason: "expected \(RecordProblem.typeName(type))")
        case .valueNotFound(let type, let context):
            self.init(file: file, field: path(context.codingPath), reason: "expected \(RecordProblem.typeName(type)), found null")
        case .dataCorrupted(let context):
            let reason =
                context.debugDescription.hasPrefix("Cannot initialize")
                ? "has a value that is not allowed" : context.debugDescription
            self.init(file: file, field: path(context.codingPath), reason: reason)
        @unknown default:
            self.init(file: file, reason: "could not be read")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a \(name)"
        }
    }
}
