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
    public var status: Status
    /// When the status last changed.
    public var statusChanged: Day?

    public init(number: Int, planned: Day, status: Status = .planned, statusChanged: Day? = nil) {
        self.number = number
        self.planned = planned
        self.status = status
        self.statusChanged = statusChanged
    }

    /// True when it is still to be held (planned or moved to a new date).
    public var isOpen: Bool { status == .planned || status == .moved }
}
