import Foundation

/// A job on the organisation's job board (issue 17: "a job board shared by the
/// organisation, like the offer catalogue, one file per job"), stored as `jobs/<id>.json`.
///
/// A job holds nothing about participants: which citizens took it into their applications is
/// in their own records (`JobApplication.boardJobId`), and the board only ever shows counts
/// (`JobBoard.applicationCounts`), so erasing a participant leaves the board as it was.
public struct BoardJob: Codable, Equatable, Sendable {
    /// The schema version this build writes.
    public static let currentSchemaVersion = 1

    /// Where a job stands. `expired` may be set by hand, and a job whose deadline has passed
    /// counts as expired whatever is stored (`status(on:)`); a filled job stays filled.
    public enum Status: String, Codable, CaseIterable, Sendable { case open, filled, expired }

    public var schemaVersion: Int
    /// Generated id such as `j-7k2mqx4d`.
    public var id: String
    public var title: String
    public var employer: String
    /// A town or an address.
    public var place: String
    /// The hours in words ("37 hours a week", "15-20 timer, formiddag").
    public var hours: String
    /// The last day to apply; nil when the advert names none (it never expires by itself).
    public var deadline: Day?
    /// How to apply, in words ("send CV to job@…", "call Lise before Friday").
    public var howToApply: String
    /// The person at the employer to contact: a name, and a phone or e-mail if given.
    public var contact: String
    /// Language code of the job (the language of the workplace or advert: da, sv, de, en, …).
    public var language: String
    /// The status as stored (see `status(on:)` for the status as it stands on a day).
    public var status: Status
    /// Who posted the job and when.
    public var posted: Stamp

    /// A new open job.
    public init(
        id: String, title: String, employer: String, place: String = "", hours: String = "", deadline: Day? = nil,
        howToApply: String = "", contact: String = "", language: String = "", posted: Stamp
    ) {
        schemaVersion = BoardJob.currentSchemaVersion
        self.id = id
        self.title = title
        self.employer = employer
        self.place = place
        self.hours = hours
        self.deadline = deadline
        self.howToApply = howToApply
        self.contact = contact
        self.language = language
        status = .open
        self.posted = posted
    }

    /// The status on `today`: filled when filled, expired when set so or when the deadline is
    /// before `today` (the deadline day itself is still open), else open.
    public func status(on today: Day) -> Status {
        if status == .open, let deadline, deadline < today { return .expired }
        return status
    }

    /// True when the job may be suggested to a citizen on `today`: open and not past its deadline.
    public func isOpen(on today: Day) -> Bool { status(on: today) == .open }
}
