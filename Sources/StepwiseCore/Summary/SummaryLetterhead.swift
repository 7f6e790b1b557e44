import Foundation

/// What an organisation puts on every plan summary (its settings: `organisation.*`,
/// `coach.LOGIN.*`, `summary.signature`): who it is, the coach's name and how to reach them
/// and it, and whether the summary ends with lines for the citizen and the coach to sign.
public struct SummaryLetterhead: Equatable, Sendable {
    /// The organisation's name, address and phone, those that are set, in that order.
    public var organisation: [String]
    /// The coach's name as the citizen knows them, when set (else the summary's `coach`).
    public var coachName: String?
    /// The coach's phone and e-mail, those that are set.
    public var coachContact: [String]
    /// Lines to sign at the end.
    public var signatureLines: Bool

    public init(organisation: [String] = [], coachName: String? = nil, coachContact: [String] = [], signatureLines: Bool = false) {
        self.organisation = organisation
        self.coachName = coachName
        self.coachContact = coachContact
        self.signatureLines = signatureLines
    }

    /// Nothing added: a summary as it is without settings.
    public static let none = SummaryLetterhead()
}
