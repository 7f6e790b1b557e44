import Foundation
import StepwiseCore

/// Work that `update` asks for and the app carries out (reading and writing files).
public enum Effect: Equatable, Sendable {
    case addParticipant(name: String, courseStart: Day, language: String)
    case openParticipant(id: String)
    case closeParticipant
    /// Print the open participant's summary (on the default printer when none is named).
    case print(printer: String?)
    /// Ask which printer to use.
    case choosePrinter
    /// Save the open participant's calendar file.
    case saveCalendar(path: String)
    /// Read the audit log's entries about the open participant, to show them.
    case loadAudit
    /// Read the offer catalogue again (it is shared with other terminals).
    case loadOffers
    /// Save the open participant and keep the plan's new version in the history.
    /// Book the open participant into an offer (a seat, or the waitlist), then link the
    /// step, if one is given, to it.
    case book(offer: String, step: PlanRow?)
    /// Give up the open participant's seat or waitlist place.
    case unbook(offer: String)
    /// Add an offer to the catalogue, or change one (its seats and waitlist stay).
    case saveOffer(Offer, isNew: Bool)
    /// Cancel an offer: every booked participant's record says so.
    case cancelOffer(String)
    /// Record attendance at one session for the whole group.
    case markAttendance(offer: String, session: OfferSession, marks: [String: Attendance.Status])
    /// Save the open participant; a change to the plan also keeps its new version.
    case saveParticipant(Participant, version: PlanVersion?)
    case quit
}

/// What `update` and the views need besides the state: strings and date reading.
public struct UIEnvironment: Sendable {
    public var strings: Localizer
    public var dates: DateParser
    /// Language codes that have a string table (for the language field).
    public var languages: [String]
    /// The progress indicators the citizen rates.
    public var indicators: IndicatorSet
    /// The string table of every language, for summaries in the citizen's language.
    public var tables: [String: Localizer]

    /// Where the string tables are, to read a citizen's language when it is first needed.
    public var resources: URL?

    public init(strings: Localizer, dates: DateParser, languages: [String], indicators: IndicatorSet, tables: [String: Localizer] = [:],
                resources: URL? = nil) {
        self.strings = strings
        self.dates = dates
        self.languages = languages
        self.indicators = indicators
        self.tables = tables
        self.resources = resources
    }

    /// The strings of `language`, else English, else the screen's.
    public func table(for language: String) -> Localizer {
        tables[language] ?? tables["en"] ?? strings
    }
}
