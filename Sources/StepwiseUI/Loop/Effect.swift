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
