import Foundation

/// One participant's placement in an internship or work trial: their own period and hours,
/// the adjustments agreed for them and their follow-up meetings. It is kept in that
/// participant's record (`Participant.placements`, keyed by the offer's id), never in the
/// offer, because what is agreed for one citizen (often for health reasons) is theirs alone:
/// the offer holds only what is the same for everyone placed there (`Internship`).
public struct Placement: Codable, Equatable, Sendable {
    /// The participant's first day at the workplace (nil: not agreed yet).
    public var start: Day?
    /// The participant's last day.
    public var end: Day?
    /// The hours per week agreed for this participant (may be a fraction, e.g. 18.5).
    public var hoursPerWeek: Double?
    /// The adjustments agreed with the employer for this participant.
    public var accommodations: Accommodations
    /// Follow-up meetings, planned and held, in the order they were added.
    public var followUps: [FollowUpMeeting]

    public init(
        start: Day? = nil, end: Day? = nil, hoursPerWeek: Double? = nil, accommodations: Accommodations = Accommodations(),
        followUps: [FollowUpMeeting] = []
    ) {
        self.start = start
        self.end = end
        self.hoursPerWeek = hoursPerWeek
        self.accommodations = accommodations
        self.followUps = followUps
    }

    private enum CodingKeys: String, CodingKey { case start, end, hoursPerWeek, accommodations, followUps }

    /// Reads a placement; any field may be absent and takes its empty default.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        start = try c.decodeIfPresent(Day.self, forKey: .start)
        end = try c.decodeIfPresent(Day.self, forKey: .end)
        hoursPerWeek = try c.decodeIfPresent(Double.self, forKey: .hoursPerWeek)
        accommodations = try c.decodeIfPresent(Accommodations.self, forKey: .accommodations) ?? Accommodations()
        followUps = try c.decodeIfPresent([FollowUpMeeting].self, forKey: .followUps) ?? []
    }

    /// The follow-up meetings still planned.
    public var planned: [FollowUpMeeting] { followUps.filter { $0.status == .planned } }

    /// The meetings in date and time order.
    public var followUpsByDate: [FollowUpMeeting] {
        followUps.sorted { ($0.day, $0.time ?? "") < ($1.day, $1.time ?? "") }
    }

    /// Puts `meeting` at `index` (replacing the meeting there) or at the end when `index` is
    /// nil or out of range. A replaced meeting keeps its id, so its calendar event keeps its
    /// UID (RFC 5545 §3.8.4.7); its SEQUENCE goes up by one and `modified` becomes `now` when
    /// its day, time or status changed. A new meeting whose id is taken gets a unique one.
    /// When a held meeting names a next date that no meeting has yet, a planned meeting with
    /// the same people is added on that date.
    public mutating func put(_ meeting: FollowUpMeeting, at index: Int?, now: Date) {
        var meeting = meeting
        if let index, followUps.indices.contains(index) {
            let previous = followUps[index]
            meeting.id = previous.id
            meeting.sequence = previous.sequence
            meeting.modified = previous.modified
            if meeting.day != previous.day || meeting.time != previous.time || meeting.status != previous.status {
                meeting.sequence += 1
                meeting.modified = now
            }
            followUps[index] = meeting
        } else {
            meeting.id = CalendarIdentity.unique(meeting.id, avoiding: Set(followUps.map(\.id)))
            followUps.append(meeting)
        }
        if meeting.status == .held, let next = meeting.next, !followUps.contains(where: { $0.day == next }) {
            var following = FollowUpMeeting(
                day: next, time: meeting.time, withParticipant: meeting.withParticipant, withEmployer: meeting.withEmployer,
                others: meeting.others)
            following.id = CalendarIdentity.unique(following.id, avoiding: Set(followUps.map(\.id)))
            followUps.append(following)
        }
    }
}

/// The adjustments (tilpasninger, anpassningar, Anpassungen) agreed for one participant's
/// placement.
public struct Accommodations: Codable, Equatable, Sendable {
    public var shorterDays: Bool
    public var moreBreaks: Bool
    /// The named mentor at the workplace; empty when none is agreed.
    public var mentor: String
    public var quietWorkplace: Bool
    /// Anything else agreed, in the citizen's and employer's own words.
    public var other: String

    public init(
        shorterDays: Bool = false, moreBreaks: Bool = false, mentor: String = "", quietWorkplace: Bool = false,
        other: String = ""
    ) {
        self.shorterDays = shorterDays
        self.moreBreaks = moreBreaks
        self.mentor = mentor
        self.quietWorkplace = quietWorkplace
        self.other = other
    }

    private enum CodingKeys: String, CodingKey { case shorterDays, moreBreaks, mentor, quietWorkplace, other }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        shorterDays = try c.decodeIfPresent(Bool.self, forKey: .shorterDays) ?? false
        moreBreaks = try c.decodeIfPresent(Bool.self, forKey: .moreBreaks) ?? false
        mentor = try c.decodeIfPresent(String.self, forKey: .mentor) ?? ""
        quietWorkplace = try c.decodeIfPresent(Bool.self, forKey: .quietWorkplace) ?? false
        other = try c.decodeIfPresent(String.self, forKey: .other) ?? ""
    }

    /// True when nothing is agreed.
    public var isEmpty: Bool { !shorterDays && !moreBreaks && mentor.isEmpty && !quietWorkplace && other.isEmpty }
}

/// A follow-up meeting during a placement, with the participant, the employer, others or all.
public struct FollowUpMeeting: Codable, Equatable, Sendable {
    /// Planned, held, or cancelled (kept, so that its calendar event is sent as cancelled).
    public enum Status: String, Codable, CaseIterable, Sendable { case planned, held, cancelled }

    /// Names the meeting for its whole life (the calendar UID is
    /// `<participantId>-<offerId>-followup-<id>@stepwise`): `YYYYMMDD` of the day it was first
    /// planned for, made unique within the placement.
    public var id: String
    public var day: Day
    /// Local start time `HH:MM`; nil when only the day is agreed.
    public var time: String?
    public var status: Status
    public var withParticipant: Bool
    public var withEmployer: Bool
    /// Anyone else who takes part (a mentor, a peer worker), as written.
    public var others: String
    /// What was said: what was agreed or observed.
    public var notes: String
    /// The date agreed for the next meeting, if one was.
    public var next: Day?
    /// The calendar SEQUENCE: one more at each change of day, time or status (see `Placement.put`).
    public var sequence: Int
    /// When the day, time or status last changed (the calendar's LAST-MODIFIED), if it has.
    public var modified: Date?

    public init(
        day: Day, time: String? = nil, status: Status = .planned, withParticipant: Bool = true, withEmployer: Bool = true,
        others: String = "", notes: String = "", next: Day? = nil
    ) {
        id = ICalendar.date(day)
        self.day = day
        self.time = time
        self.status = status
        self.withParticipant = withParticipant
        self.withEmployer = withEmployer
        self.others = others
        self.notes = notes
        self.next = next
        sequence = 0
        modified = nil
    }

    private enum CodingKeys: String, CodingKey {
        case id, day, time, status, withParticipant, withEmployer, others, notes, next, sequence, modified
    }

    /// Reads a meeting; fields other than the day may be absent (a meeting written without an
    /// id gets `YYYYMMDD` of its day, as it was then first planned for all the program knew).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        day = try c.decode(Day.self, forKey: .day)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ICalendar.date(day)
        time = try c.decodeIfPresent(String.self, forKey: .time)
        sequence = try c.decodeIfPresent(Int.self, forKey: .sequence) ?? 0
        modified = try c.decodeIfPresent(Date.self, forKey: .modified)
        status = try c.decodeIfPresent(Status.self, forKey: .status) ?? .planned
        withParticipant = try c.decodeIfPresent(Bool.self, forKey: .withParticipant) ?? true
        withEmployer = try c.decodeIfPresent(Bool.self, forKey: .withEmployer) ?? true
        others = try c.decodeIfPresent(String.self, forKey: .others) ?? ""
        notes = try c.decodeIfPresent(String.self, forKey: .notes) ?? ""
        next = try c.decodeIfPresent(Day.self, forKey: .next)
    }
}
