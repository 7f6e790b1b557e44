import Foundation

/// One of the three mandatory one-to-one conversations of a course.
public struct Conversation: Codable, Equatable, Sendable {
    /// Whether the conversation lies ahead, took place, was missed or was moved.
    public enum Status: String, Codable, CaseIterable, Sendable {
        case planned, held, missed, moved
    }

    /// 1, 2 or 3.
    public var number: Int
    /// The day it is planned for.
    public var planned: Day
    /// The time of day it is planned for, "HH:MM" (24-hour clock), if one was agreed.
    public var time: String?
    /// The days it was planned for before it was moved, oldest first.
    public var earlierDates: [Day]
    public var status: Status
    /// When the status last changed.
    public var statusChanged: Day?
    /// The calendar SEQUENCE: one more at each change of day or status (see `CalendarIdentity`).
    public var sequence: Int
    /// When the day or status last changed (the calendar's LAST-MODIFIED), if it has.
    public var modified: Date?

    public init(number: Int, planned: Day, time: String? = nil, status: Status = .planned, statusChanged: Day? = nil) {
        self.number = number
        self.planned = planned
        self.time = time
        earlierDates = []
        self.status = status
        self.statusChanged = statusChanged
        sequence = 0
        modified = nil
    }

    private enum CodingKeys: String, CodingKey { case number, planned, time, earlierDates, status, statusChanged, sequence, modified }

    /// Reads a conversation; `time`, `earlierDates`, `sequence` and `modified` may be absent
    /// in files written before they were kept (none, none, 0 and nil).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(Int.self, forKey: .number)
        planned = try c.decode(Day.self, forKey: .planned)
        time = try c.decodeIfPresent(String.self, forKey: .time)
        earlierDates = try c.decodeIfPresent([Day].self, forKey: .earlierDates) ?? []
        status = try c.decode(Status.self, forKey: .status)
        statusChanged = try c.decodeIfPresent(Day.self, forKey: .statusChanged)
        sequence = try c.decodeIfPresent(Int.self, forKey: .sequence) ?? 0
        modified = try c.decodeIfPresent(Date.self, forKey: .modified)
    }

    /// Plans it for another day and time; the day it was planned for before is kept in
    /// `earlierDates` when the day changes.
    public mutating func reschedule(to day: Day, time newTime: String?) {
        if day != planned { earlierDates.append(planned) }
        planned = day
        time = newTime
    }

    /// True when it is still to be held (planned or moved to a new date).
    public var isOpen: Bool { status == .planned || status == .moved }
}
