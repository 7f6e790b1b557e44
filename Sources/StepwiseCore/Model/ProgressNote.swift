import Foundation

/// A progress note. It is never changed silently: each edit adds a version, and every
/// earlier version stays with who wrote it and when.
public struct ProgressNote: Codable, Equatable, Sendable {
    /// A note about the course, or the citizen's own reflection.
    public enum Kind: String, Codable, CaseIterable, Sendable { case note, reflection }

    /// Tags offered for every note; others can be typed.
    public static let standardTags = ["jobSearch", "health", "housing", "money", "family", "internship", "network"]

    public var id: String
    public var kind: Kind
    /// The session it was written in, if any.
    public var sessionId: String?
    public var tags: [String]
    /// Every version of the text, oldest first; the last is the current one.
    public var versions: [Words]

    public init(id: String, kind: Kind, sessionId: String?, tags: [String], text: Words) {
        self.id = id
        self.kind = kind
        self.sessionId = sessionId
        self.tags = tags
        versions = [text]
    }

    /// The current text.
    public var current: Words? { versions.last }

    /// Adds a new version (when the text really changed) and sets the tags.
    public mutating func edit(_ text: Words, tags newTags: [String]) -> Bool {
        let changed = current?.text != text.text
        if changed { versions.append(text) }
        let tagsChanged = tags != newTags
        tags = newTags
        return changed || tagsChanged
    }
}
