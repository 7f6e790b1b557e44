import Foundation

/// A person who leads an offer, and in what role.
public struct Facilitator: Codable, Equatable, Sendable {
    /// The roles named in the course model.
    public enum Role: String, Codable, CaseIterable, Sendable {
        case coach, peerTrainer, employer, teacher
    }

    public var name: String
    public var role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }
}

extension Facilitator.Role {
    /// Reads a role as a spreadsheet may hold it: the code (`peerTrainer`) or the words
    /// (`peer trainer`, `Peer-Trainer`), in any case; nil for anything else.
    public init?(loose text: String) {
        let key = text.lowercased().filter { $0.isLetter }
        guard let role = Facilitator.Role.allCases.first(where: { $0.rawValue.lowercased() == key }) else { return nil }
        self = role
    }
}
