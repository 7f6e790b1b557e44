import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One saved version of a plan: the whole plan as it stood, who changed what, and when.
public struct PlanVersion: Codable, Equatable, Sendable {
    public var version: Int
    public var stamp: Stamp
    /// Whose words the change was written in.
    public var author: Author
    public var change: PlanChange
    public var plan: Plan

    public init(version: Int, stamp: Stamp, author: Author, change: PlanChange, plan: Plan) {
        self.version = version
        self.stamp = stamp
        self.author = author
        self.change = change
        self.plan = plan
    }
}
