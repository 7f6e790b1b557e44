import Foundation

/// Why a data file could not be used: the file, the field (when one is to blame) and the reason.
public struct RecordProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// Path relative to the data folder, e.g. `participants/p-abc.json`.
    public var file: String
    /// The field at fault, e.g. `conversations[1].status`; nil when the whole file is.
    public var field: String?
    public var reason: String

    public init(file: String, field: String? = nil, reason: String) {
        self.file = file
        self.field = field
        self.reason = reason
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
                if let index = key.intValue { result += "[\(index)]" } else {
                    result += (result.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text.isEmpty ? nil : text
        }
        switch error {
        case let .keyNotFound(key, context):
            self.init(file: file, field: path(context.codingPath + [key]), reason: "is missing")
        case let .typeMismatch(type, context):
            self.init(file: file, field: path(context.codingPath), reason: "expected \(RecordProblem.typeName(type))")
        case let .valueNotFound(type, context):
            self.init(file: file, field: path(context.codingPath), reason: "expected \(RecordProblem.typeName(type)), found null")
        case let .dataCorrupted(context):
            let reason = context.debugDescription.hasPrefix("Cannot initialize")
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
