import Foundation
import StepwiseCore

/// The command line's words for what goes wrong in more than one command, made in one place
/// from the string tables (`cli.*`, in the screens' language). They name files, fields, ids
/// and the expected form, never what a record says.
extension Commands {
    /// A word of the command line from the string tables, with `{name}` placeholders filled in.
    func text(_ key: String, _ arguments: [String: String] = [:]) -> String { strings("cli." + key, arguments) }

    /// A count in words, "1 page", "2 pages": the key's `.one` or `.other` form (CLDR plural
    /// categories, see `Localizer`).
    func count(_ n: Int, _ key: String) -> String { strings("cli.count." + key, count: n) }

    func invalidParticipantID(_ id: String) -> String { text("invalidParticipantID", ["id": id]) }

    func invalidOfferID(_ id: String) -> String { text("invalidOfferID", ["id": id]) }

    func noDataFolder(_ root: URL) -> String { text("noDataFolder", ["path": root.path]) }

    func couldNotWrite(_ path: String, _ error: Error) -> String { text("couldNotWrite", ["path": path, "reason": strings.problemText(error)]) }

    func noStrings(for language: String, available: [String]) -> String {
        text("noStrings", ["language": language, "available": available.joined(separator: ", ")])
    }

    /// A participant's record that could not be read: unknown when its file is missing.
    func participantProblem(_ id: String, _ error: Error) -> String {
        switch (error as? RecordProblem)?.kind {
        case .missing: return text("unknownParticipant", ["id": id])
        default: return text("cannotReadParticipant", ["id": id, "reason": strings.problemText(error)])
        }
    }

    /// "promoted from the waitlist: ID now holds a seat in OFFER".
    func promoted(_ id: String, into offer: String) -> String { text("promoted", ["id": id, "offer": offer]) }

    /// The indicators (Resources/indicators.json); nil, having said why, when they cannot be read.
    func loadIndicators() -> IndicatorSet? {
        do { return try IndicatorSet.load(resources: resources) } catch {
            printError(text("noIndicators", ["reason": "\(error)"]))
            return nil
        }
    }

    /// The zone of the data's days and times: the `timezone` setting, else
    /// `CalendarExport.defaultTimeZone`.
    var timeZone: TimeZone { settings.timeZone ?? CalendarExport.defaultTimeZone(environment: environment) }

    /// "warning: MESSAGE" on standard error.
    func warn(_ message: String) { printError(text("warning", ["message": message])) }
}

/// How the command line names people and offers in its messages.
enum CLIText {
    /// `Name (p-id)` when standard output is a terminal and the record can be read, else the
    /// id alone: output that goes to a file, a pipe or a log names no one.
    static func person(_ id: String, in store: DataStore) -> String {
        guard CLIOutput.toTerminal, let participant = try? store.loadParticipant(id) else { return id }
        return "\(participant.name) (\(id))"
    }

    static func offer(_ offer: Offer) -> String { "\"\(offer.title)\" (\(offer.id))" }

    /// Rows as lines of columns two spaces apart, each column as wide as its widest cell (in
    /// display columns), so that no word is cut in any language; the last column as it is.
    static func columns(_ rows: [[String]]) -> [String] {
        DisplayWidth.table(rows.map { row in row.enumerated().map { $0.offset < row.count - 1 ? $0.element + " " : $0.element } })
    }
}
