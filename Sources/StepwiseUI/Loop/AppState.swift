import Foundation
import StepwiseCore

/// The tabs of the participant screen, in order.
public enum Tab: Int, CaseIterable, Sendable {
    case plan, offers, notes, progress, summary, jobs

    /// String-table key of the tab's name.
    public var titleKey: String { "tab.\(self)" }
}

/// A participant open on screen.
public struct OpenParticipant: Equatable, Sendable {
    public var participant: Participant { didSet { revision &+= 1 } }
    /// Counts the changes of `participant` and `history` (an edit here, another terminal's
    /// change read in, the history read further back): what `memo` keys its lines by.
    public private(set) var revision = 0
    /// The tabs' lines as last laid out (see `ParticipantMemo`).
    var memo = ParticipantMemo()
    /// Set when another terminal holds the edit lock: the record is shown read-only.
    public var heldBy: RecordLock.Holder?
    /// When the record shown was read (at opening, and again each time its file changed).
    public var readAt: Date?
    /// Set when this terminal could not write the edit lock (a read-only data folder, a full
    /// disk): the record is shown read-only, with this reason.
    public var lockFailure: String?
    /// True when the record may not be changed here.
    public var isReadOnly: Bool { heldBy != nil || lockFailure != nil }
    public var tab: Tab = .plan
    /// First line shown of the tab's content (tabs without a selection).
    public var scroll = 0
    /// Whose words are being typed: the citizen's, unless switched (then kept for this record
    /// while the program runs, see `AppState.writers`).
    public var writer: Author = .citizen
    /// Selected row of the plan tab.
    public var planSelection = 0
    /// The saved versions of the plan, oldest first: at first only the newest ones, back to
    /// the one the change marks need (see `historyComplete`).
    public var history: [PlanVersion] = [] { didSet { revision &+= 1 } }
    /// Whether `history` holds every saved version (read when the history is browsed, or when
    /// a change makes the marks need an older version).
    public var historyComplete = true
    /// The record before each change made in this session, for undo.
    public var undoStack: [Participant] = []
    /// Selected note of the notes tab.
    public var noteSelection = 0
    /// Which notes the notes tab shows.
    public var noteFilter: NoteFilter = .all
    /// The note whose earlier versions are shown, if any.
    public var expandedNote: String?
    /// Selected row of the jobs tab.
    public var jobsSelection = 0
    /// Selected offer of the offers tab (an index into the filtered list).
    public var offerSelection = 0
    public var offerFilter = OfferFilter()
    /// The summary as it prints, page by page (made when the summary tab is shown).
    public var summaryPages: [[String]]?
    /// What `summaryPages` were made from.
    public var summarySource: SummarySource?
    /// The audit log's entries about this record, when they are shown to the citizen.
    public var auditEntries: [AuditEntry]?
    /// First shown line of the audit log.
    public var auditScroll = 0
    /// The offer shown in detail, if any, and how far its text is scrolled.
    public var offerDetail: String?
    public var offerDetailScroll = 0

    public init(participant: Participant, heldBy: RecordLock.Holder?) {
        self.participant = participant
        self.heldBy = heldBy
    }
}

/// What the summary pages of an open participant were made from: when any of it changes, the
/// pages are made again.
public struct SummarySource: Equatable, Sendable {
    public var participant: Participant
    public var offers: [Offer]
    public var today: Day
    /// `OpenParticipant.revision` and `AppState.offersRevision` when the source was last
    /// found unchanged: while they stay, nothing is compared (see `SummaryTab.refresh`).
    var revision = 0
    var offersRevision = 0
}

/// A one-line message at the bottom of the screen.
public struct Message: Equatable, Sendable {
    public enum Kind: Sendable { case info, error }
    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

/// Everything the screen shows, as a value. `update` changes it; `render` draws it.
public struct AppState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var today: Day
    /// The moment of the key being handled (set by the app), for stamps on saved changes.
    public var now = Date(timeIntervalSince1970: 0)
    /// The coach at this terminal (shown in the caseload header).
    public var coach: String
    public var caseload = Caseload() {
        didSet {
            matches = nil
            widerMatches = []
            firstRowsOf = nil
            caseloadSize = caseload.size
        }
    }
    /// How many participants and unreadable files `caseload` holds (counted once per change).
    public private(set) var caseloadSize = CaseloadSize(participants: 0, unreadable: 0)
    /// While `caseload` holds only the first rows of a large caseload (the first frame, before
    /// the whole index is read): how many participants and unreadable files it has in all.
    public var firstRowsOf: CaseloadSize?
    /// The rows the search text last matched (see `refreshMatches`).
    var matches: SearchText.Matches?
    /// The matches of the shorter texts typed before `matches`, shortest first: a backspace
    /// goes back to them instead of searching the whole caseload again.
    var widerMatches: [SearchText.Matches] = []
    /// The offer catalogue (for the bookings of the open participant).
    public var offers: [Offer] = [] { didSet { offersRevision &+= 1 } }
    /// Counts the changes of `offers` (read afresh, booked, edited): what the offer lists are kept by.
    public private(set) var offersRevision = 0
    /// True while the whole catalogue is read for the first time (`offers` holds only the
    /// offers read one by one until then).
    public var catalogueReading = false
    /// The offers a filter last listed, in order (see `AppState.listed(_:env:)`).
    var offerList = Memo<OfferList.Inputs, [Offer]>()
    /// The search text; nil when no search is active.
    public var search: TextField?
    /// Selected row among the visible caseload rows.
    public var selection = 0
    /// First visible caseload row.
    public var scroll = 0
    public var open: OpenParticipant?
    /// The writer this coach last chose per record (by participant id) while the program
    /// runs: opening the record again does not silently go back to the citizen.
    public var writers: [String: Author] = [:]
    /// The offer catalogue, when the coach keeps it (from the caseload, no participant open).
    public var catalogue: CatalogueState?
    /// The job board, when the coach keeps it (from the caseload, no participant open).
    public var board: BoardState?
    /// The job board's jobs as last read, and how many applications link to each (by job id).
    public var jobs: [BoardJob] = []
    public var jobCounts: [String: Int] = [:]
    /// The report screen, when the coach keeps it (from the caseload, no participant open).
    public var report: ReportScreen?
    public var form: Form?
    /// A question waiting for yes or no.
    public var confirm: Confirm?
    /// The plan's history, when it is being looked through.
    public var historyBrowser: HistoryBrowser?
    public var showingHelp = false
    /// First shown line of the help screen.
    public var helpScroll = 0
    /// Set while the privacy screen hides everything; holds what has been typed to unlock it.
    public var privacy: TextField?
    public var message: Message?
    /// Set when the program should end.
    public var quitting = false

    public init(width: Int, height: Int, today: Day, coach: String) {
        self.width = width
        self.height = height
        self.today = today
        self.coach = coach
    }

    /// Which keys apply now.
    public var context: KeyContext {
        if privacy != nil { return .privacy }
        if showingHelp { return .help }
        if form != nil { return .form }
        if confirm != nil { return .confirm }
        if historyBrowser != nil { return .history }
        if board != nil, open == nil { return .board }
        if let catalogue, open == nil {
            if catalogue.sheet != nil { return .attendance }
            return catalogue.detail == nil ? .catalogue : .catalogueDetail
        }
        if report != nil, open == nil { return .report }
        if let open {
            if open.auditEntries != nil { return .auditLog }
            switch open.tab {
            case .plan: return .plan
            case .notes: return .notes
            case .progress: return .progress
            case .offers: return open.offerDetail == nil ? .offers : .offerDetail
            case .summary: return .summary
            case .jobs: return .jobs
            }
        }
        return search == nil ? .caseload : .searching
    }

    /// The caseload rows that match the search, in order. A further letter searches only the
    /// rows the text before it matched (kept by `refreshMatches`), not the whole caseload.
    public var visibleRows: Caseload {
        guard let query = search?.text, !query.isEmpty else { return caseload }
        let folded = SearchText.fold(query)
        if let matches, matches.query == folded { return matches.rows }
        let narrowed = matches.flatMap { folded.hasPrefix($0.query) ? $0.rows : nil }
        return (narrowed ?? caseload).filter(folded: folded)
    }

    /// Keeps the rows the search text matches, so that the screen, the selection and the next
    /// letter use them without searching again; call after the search text or caseload changed.
    public mutating func refreshMatches() {
        guard let query = search?.text, !query.isEmpty else {
            matches = nil
            widerMatches = []
            return
        }
        let folded = SearchText.fold(query)
        guard matches?.query != folded else { return }
        // Back to the longest text typed before that this one begins with.
        if let current = matches { widerMatches.append(current) }
        while let last = widerMatches.last, !folded.hasPrefix(last.query) { widerMatches.removeLast() }
        matches = widerMatches.last
        if matches?.query == folded {
            widerMatches.removeLast()
            return
        }
        matches = SearchText.Matches(query: folded, rows: visibleRows)
    }

    /// How many caseload rows are participants that could be read.
    public var readableCount: Int {
        firstRowsOf?.participants ?? caseloadSize.participants
    }

    /// How many files of the caseload cannot be read.
    public var unreadableCount: Int {
        firstRowsOf?.unreadable ?? caseloadSize.unreadable
    }

    /// The selected caseload row, if any.
    public var selectedRow: CaseloadRow? {
        let rows = visibleRows
        return rows.indices.contains(selection) ? rows[selection] : nil
    }
}

/// Matching as a person expects: case and accents do not matter ("jurgen" finds "Jürgen").
public enum SearchText {
    /// The rows a folded search text matched.
    struct Matches: Equatable, Sendable {
        var query: String
        var rows: Caseload
    }

    /// `text` lowercased and without diacritics (the same folding as the caseload's search keys).
    public static func fold(_ text: String) -> String { CaseloadEntry.fold(text) }
}

/// A question that needs a yes before something is done.
public struct Confirm: Equatable, Sendable {
    /// What a yes does.
    public enum Purpose: Equatable, Sendable {
        case dropGoal(String)
        case dropStep(goal: String, step: String)
        /// `t` on a done step: its status goes round to planned again.
        case reopenStep(goal: String, step: String)
        case approve
        /// `y` on a suggestion: the citizen's own act makes it part of their plan.
        case accept(goal: String, step: String?)
        case book(String)
        case unbook(String)
        case cancelOffer(String)
        /// `y`: the citizen takes the suggested board job into their applications.
        case takeBoardJob(String)
        /// `y` after an outcome with a job or an education: the jobs tab's follow-along form.
        case startFollowAlong
    }

    public var purpose: Purpose
    /// The question, in words.
    public var question: String
}

/// Looking through the saved versions of the plan.
public struct HistoryBrowser: Equatable, Sendable {
    /// Selected version, counted from the newest.
    public var selection = 0
    /// The version shown in full, if one is opened.
    public var viewing: Int?
    /// First line shown of the opened version.
    public var scroll = 0
}

/// Which notes the notes tab shows.
public enum NoteFilter: Equatable, Sendable {
    case all
    case tag(String)
    case session(String)
}

/// The catalogue screen: the offers with their filter, one offer's detail, or the attendance
/// sheet of one of its sessions.
public struct CatalogueState: Equatable, Sendable {
    public var selection = 0
    public var filter = OfferFilter()
    public var detail: String?
    public var detailScroll = 0
    public var sheet: AttendanceSheet?
    /// Placements and planned follow-ups per internship offer (counts only).
    public var placementCounts: [String: PlacementCount] = [:]

    public init() {}
}

/// Attendance for one session of an offer, entered for the whole group.
public struct AttendanceSheet: Equatable, Sendable {
    public var offer: String
    /// Which session (index into the offer's sessions in date order).
    public var session: Int
    /// Selected participant row.
    public var selection = 0

    public init(offer: String, session: Int) {
        self.offer = offer
        self.session = session
    }
}
