import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a file or a field cannot be used, in words: the English text (for logs, `check`'s
/// output and tests) and the string-table key (`problem.*`) with named arguments that give the
/// same reason in the language a person reads. Arguments name the expected form, sizes, line
/// numbers and field paths, never a value found in the file.
public struct ProblemReason: Equatable, Sendable {
    /// The parts, kept behind one reference so that a caseload row with a problem stays
    /// small (`CaseloadRow`, 80 bytes).
    private final class Parts: Sendable {
        let english: String
        let key: String?
        let arguments: [String: String]
        let keyArguments: [String: String]

        init(english: String, key: String?, arguments: [String: String], keyArguments: [String: String]) {
            self.english = english
            self.key = key
            self.arguments = arguments
            self.keyArguments = keyArguments
        }
    }

    private let parts: Parts
    /// The reason in English, e.g. "expected a date like 2026-03-02".
    public var english: String { parts.english }
    /// The string-table key, e.g. `problem.expectedDate`; nil for a reason the operating
    /// system gives (`strerror`), which has no table entry.
    public var key: String? { parts.key }
    /// Values for the key's `{name}` placeholders.
    public var arguments: [String: String] { parts.arguments }
    /// Placeholders whose value is itself a string-table key (a form such as
    /// `problem.form.number`), looked up in the same language.
    public var keyArguments: [String: String] { parts.keyArguments }

    /// A reason with its string-table key.
    public init(_ english: String, key: String?, _ arguments: [String: String] = [:], keyArguments: [String: String] = [:]) {
        parts = Parts(english: english, key: key, arguments: arguments, keyArguments: keyArguments)
    }

    public static func == (lhs: ProblemReason, rhs: ProblemReason) -> Bool {
        lhs.english == rhs.english && lhs.key == rhs.key && lhs.arguments == rhs.arguments && lhs.keyArguments == rhs.keyArguments
    }

    /// A reason only the English text of which is known (an operating-system message).
    public static func untranslated(_ english: String) -> ProblemReason { ProblemReason(english, key: nil) }

    /// The reason in the language of `strings` (English when there is no key).
    public func text(_ strings: Localizer) -> String {
        guard let key else { return english }
        return strings(key, arguments.merging(keyArguments.mapValues { strings($0) }) { given, _ in given })
    }
}

extension ProblemReason {
    /// The file does not exist.
    public static let missing = ProblemReason("does not exist", key: "problem.missing")
    /// The file exists but cannot be read.
    public static let unreadable = ProblemReason("cannot be read", key: "problem.unreadable")
    /// Reading stopped for a reason the decoder does not say.
    public static let couldNotRead = ProblemReason("could not be read", key: "problem.couldNotRead")
    /// A file or field with nothing in it.
    public static let empty = ProblemReason("is empty", key: "problem.empty")
    /// A field the record must have.
    public static let isMissing = ProblemReason("is missing", key: "problem.isMissing")
    /// An id that is not of the form `RecordID` allows.
    public static let notValidID = ProblemReason("is not a valid id", key: "problem.notValidID")
    /// A value outside the ones a field allows.
    public static let notAllowed = ProblemReason("has a value that is not allowed", key: "problem.notAllowed")
    /// A date field that is not an ISO 8601 date (`Day`).
    public static let expectedDate = ProblemReason("expected a date like 2026-03-02", key: "problem.expectedDate")
    /// A job-search application without any status.
    public static let atLeastOneStatus = ProblemReason("must hold at least one status", key: "problem.atLeastOneStatus")
    /// A plan step's role that is none of the four (`Plan.Role`).
    public static let expectedRole = ProblemReason("expected one of me, coach, peer, other", key: "problem.expectedRole")

    /// An offer id that `RecordID` does not allow.
    public static let notValidOfferID = ProblemReason("is not a valid offer id", key: "problem.notValidOfferID")
    /// A job id that `RecordID` does not allow.
    public static let notValidJobID = ProblemReason("is not a valid job id", key: "problem.notValidJobID")

    /// A path of the data folder that is a folder, FIFO, device or socket (`st_mode`), not a file.
    static func notAFile(_ mode: mode_t) -> ProblemReason {
        ProblemReason(
            "is \(AtomicFile.fileKind(mode)), not a file; Stepwise does not read it", key: "problem.notAFile",
            keyArguments: ["kind": fileKindKey(mode)])
    }

    /// The `problem.fileKind.*` key that names what `mode` (`st_mode`) is, as `AtomicFile.fileKind` does in English.
    static func fileKindKey(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "problem.fileKind.folder"
        case S_IFLNK: return "problem.fileKind.link"
        case S_IFIFO: return "problem.fileKind.fifo"
        case S_IFSOCK: return "problem.fileKind.socket"
        case S_IFCHR, S_IFBLK: return "problem.fileKind.device"
        default: return "problem.fileKind.other"
        }
    }

    /// A text field over `RecordCodec.maxFieldBytes`.
    static let fieldTooLarge = ProblemReason(
        "holds more than \(RecordCodec.maxFieldBytes / 1000) kB", key: "problem.fieldTooLarge", ["limit": String(RecordCodec.maxFieldBytes / 1000)])

    /// A record whose id is not its file's name, `expected` (the name, so no value of the record).
    static func idNotFileName(_ expected: String) -> ProblemReason {
        ProblemReason("does not match the file name: expected \(expected)", key: "problem.idNotFileName", ["expected": expected])
    }

    /// A number below `least`.
    static func atLeast(_ least: Int) -> ProblemReason {
        ProblemReason("must be \(least) or more", key: "problem.atLeast", ["least": String(least)])
    }

    /// The reasons model types give as a `DecodingError`'s description, by that description.
    static let decoding: [String: ProblemReason] = Dictionary(
        uniqueKeysWithValues: [expectedDate, atLeastOneStatus, expectedRole].map { ($0.english, $0) })

    /// A field that holds another kind of value than `form` (a `problem.form.*` key).
    public static func expected(_ english: String, form: String) -> ProblemReason {
        ProblemReason("expected \(english)", key: "problem.expected", keyArguments: ["form": form])
    }

    /// A field that is null where `form` (a `problem.form.*` key) is expected.
    public static func expectedNotNull(_ english: String, form: String) -> ProblemReason {
        ProblemReason("expected \(english), found null", key: "problem.expectedNotNull", keyArguments: ["form": form])
    }
}

extension ProblemReason {
    /// The arguments as two strings for the caseload index: placeholder names, and their
    /// values, each list joined by U+001F (unit separator); key arguments are named with a
    /// leading `@`.
    var packed: (names: String, values: String) {
        let all = arguments.map { ($0.key, $0.value) } + keyArguments.map { ("@" + $0.key, $0.value) }
        let sorted = all.sorted { $0.0 < $1.0 }
        return (sorted.map(\.0).joined(separator: "\u{1F}"), sorted.map(\.1).joined(separator: "\u{1F}"))
    }

    /// A reason read back from the caseload index (`packed`); arguments that do not pair up are dropped.
    init(_ english: String, key: String?, packed names: String, _ values: String) {
        var arguments: [String: String] = [:]
        var keyArguments: [String: String] = [:]
        let split = { (text: String) in text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
        for (name, value) in zip(split(names), split(values)) where !name.isEmpty {
            if name.hasPrefix("@") { keyArguments[String(name.dropFirst())] = value } else { arguments[name] = value }
        }
        self.init(english, key: key, arguments, keyArguments: keyArguments)
    }
}

extension Localizer {
    /// `error` in words for a person: a `RecordProblem` or `DataFile.Problem` in this language
    /// ("participants/p-1.json: Feld 'name': ist leer"), any other error as it describes itself.
    public func problemText(_ error: Error) -> String {
        if let problem = error as? RecordProblem { return problem.text(self) }
        if let problem = error as? DataFile.Problem { return self("problem.inFile", ["file": problem.path, "reason": problem.why.text(self)]) }
        return "\(error)"
    }
}
