import Foundation
import StepwiseCore

/// The command line's words for what goes wrong in more than one command, made in one place.
/// They name files, fields, ids and the expected form, never what a record says.
enum CLIText {
    static func invalidParticipantID(_ id: String) -> String { "'\(id)' is not a valid participant id (see 'stepwise list')" }

    static func invalidOfferID(_ id: String) -> String { "'\(id)' is not a valid offer id (see 'stepwise offers list')" }

    static func noDataFolder(_ root: URL) -> String {
        "no data folder at \(root.path) (use --data DIR, 'stepwise init' to make an empty one, or 'stepwise demo' for demo data)"
    }

    static func couldNotWrite(_ path: String, _ error: Error) -> String { "could not write \(path): \(error)" }

    static func noStrings(for language: String, available: [String]) -> String {
        "no strings for language '\(language)'; available: \(available.joined(separator: ", "))"
    }

    /// A participant's record that could not be read: unknown when its file is missing.
    static func participantProblem(_ id: String, _ error: Error) -> String {
        switch (error as? RecordProblem)?.kind {
        case .missing: return "unknown participant '\(id)'"
        default: return "cannot read participant '\(id)': \(error)"
        }
    }

    /// `Name (p-id)` when standard output is a terminal and the record can be read, else the
    /// id alone: output that goes to a file, a pipe or a log names no one.
    static func person(_ id: String, in store: DataStore) -> String {
        guard CLIOutput.toTerminal, let participant = try? store.loadParticipant(id) else { return id }
        return "\(participant.name) (\(id))"
    }

    static func offer(_ offer: Offer) -> String { "\"\(offer.title)\" (\(offer.id))" }

    /// "1 page", "2 pages"; `many` when the plural is not `one` + "s".
    static func count(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) " + (n == 1 ? one : many ?? one + "s")
    }
}
