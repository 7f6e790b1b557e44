import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One saved version of a plan: the whole plan as it stood, who changed what, and when.
public struct PlanVersion: Codable, Equatable, Sendable {
    public var version: Int
    public var stamp: Stamp
    /// Whose words the change was written in; `.coach` for the coach operating the screen
    /// (a status, an order, a drop, an undo) even while the citizen's words are being typed.
    public var author: Author
    /// The coach at the keyboard (`STEPWISE_COACH`) when the version was saved; nil in
    /// versions saved before this was kept.
    public var coach: String?
    public var change: PlanChange
    public var plan: Plan

    public init(version: Int, stamp: Stamp, author: Author, coach: String? = nil, change: PlanChange, plan: Plan) {
        self.version = version
        self.stamp = stamp
        self.author = author
        self.coach = coach
        self.change = change
        self.plan = plan
    }
}
