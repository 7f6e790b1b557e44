import Foundation
import StepwiseCore

/// Work that `update` asks for and the shell carries out (reading and writing files, printing).
/// Each effect carries everything it needs; what it gives back comes to `Update.apply` as
/// `EffectResult`s.
public enum Effect: Equatable, Sendable {
    /// Save a new participant (the shell gives it an id).
    case addParticipant(name: String, courseStart: Day, language: String)
    case openParticipant(id: String)
    case closeParticipant
    /// Print a participant's summary (on the default printer when none is named).
    case print(PrintJob)
    /// Ask which printer to use.
    case choosePrinter
    /// Save a participant's calendar file (of their bookings among `offers`) at `path`.
    case saveCalendar(Participant, offers: [Offer], path: String)
    /// Save a participant's summary as a PDF file (0600) at `path`.
    case savePDF(PDFJob, path: String)
    /// Read the audit log's entries about a participant, to show them.
    case loadAudit(participant: String)
    /// Read the offer catalogue again (it is shared with other terminals).
    case loadOffers
    /// Read the open participant's whole plan history.
    case loadHistory(participant: String)
    /// Book a participant into an offer (a seat, or the waitlist), then link the step, if
    /// one is given, to it.
    case book(participant: String, offer: String, step: PlanRow?)
    /// Give up a participant's seat or waitlist place.
    case unbook(participant: String, offer: String)
    /// Add an offer to the catalogue (`base` nil), or change one: what changed from `base`,
    /// the offer the form was filled from, is merged into the offer as read under its lock
    /// (`OfferMerge`); its seats, waitlist and attendance stay.
    case saveOffer(Offer, base: Offer?)
    /// Cancel an offer: every booked participant's record says so.
    case cancelOffer(String)
    /// Record attendance at one session for the whole group (nil clears a person's mark).
    case markAttendance(offer: String, session: OfferSession, marks: [String: Attendance.Status?])
    /// Save the open participant; a change to the plan also keeps its new version.
    case saveParticipant(Participant, version: PlanVersion?)
    /// Note in the audit log what was done to a participant's record (the action's name only).
    case audit(AuditAction, participant: String)
    /// Read the job board and its application counts again, and then do `then`, if given,
    /// with the board as it is now.
    case loadBoard(then: BoardFollowUp?)
    /// Add a job to the board, or change one (under its lock).
    case saveJob(BoardJob, isNew: Bool)
    /// Mark a board job filled.
    case markJobFilled(String)
    /// Note in the audit log that a board job was suggested to the participant.
    case jobSuggested(participant: String)
    /// Read the open record again if its file changed since it was read: all of it when it
    /// is shown read only, its journal when it is being edited here.
    case rereadIfChanged(id: String)
    /// Make the organisation report for a query (read every participant file once).
    case makeReport(ReportQuery)
    /// Keep an open form as a draft, give back the lock, and end.
    case quit
    /// Save the open participant after a change to their own internship placement; the audit
    /// log names `audit` (never what was agreed).
    case savePlacement(Participant, audit: AuditAction)
    /// Count the placements and planned follow-ups per internship offer, for the catalogue.
    case loadPlacementCounts
}

/// A summary ready for the printer: the PDF, its page count and the printer.
public struct PrintJob: Equatable, Sendable {
    public var document: PDFJob
    /// The printer to use; nil for the default printer.
    public var printer: String?

    public init(document: PDFJob, printer: String?) {
        self.document = document
        self.printer = printer
    }
}

/// A participant's summary typeset as a PDF.
public struct PDFJob: Equatable, Sendable {
    /// The participant whose summary it is (for the audit log).
    public var participant: String
    /// The PDF file's bytes.
    public var pdf: Data
    public var pages: Int
    /// The characters printed by name because the font lacks them (see `SummaryPDF`).
    public var standIns: [String]

    public init(participant: String, pdf: Data, pages: Int, standIns: [String]) {
        self.participant = participant
        self.pdf = pdf
        self.pages = pages
        self.standIns = standIns
    }
}
