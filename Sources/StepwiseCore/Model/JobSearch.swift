import Foundation

/// The citizen's own job search: the agreement on how they search, and the applications and
/// employer contacts they make, with their interviews. Modelled on the weekly job log and the
/// job-search requirements of Jobnet's Min Plan, and on the employer-contact measures of IPS
/// fidelity reviews (`/work/shared/DOMAIN.md`).
public struct JobSearch: Codable, Equatable, Sendable {
    /// The agreement, once written.
    public var agreement: JobSearchAgreement?
    /// Applications and employer contacts, in the order they were recorded.
    public var applications: [JobApplication]

    public init(agreement: JobSearchAgreement? = nil, applications: [JobApplication] = []) {
        self.agreement = agreement
        self.applications = applications
    }

    private enum CodingKeys: String, CodingKey { case agreement, applications }

    /// Reads the job search; both parts may be absent and start empty.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        agreement = try c.decodeIfPresent(JobSearchAgreement.self, forKey: .agreement)
        applications = try c.decodeIfPresent([JobApplication].self, forKey: .applications) ?? []
    }

    /// True when nothing has been written yet.
    public var isEmpty: Bool { agreement == nil && applications.isEmpty }

    /// The application with an id, if any.
    public func application(_ id: String) -> JobApplication? { applications.first { $0.id == id } }
}

/// How the citizen applied or made contact with an employer (the methods of Jobnet's job log).
public enum ApplicationMethod: String, Codable, CaseIterable, Sendable {
    /// An advertised job (a solicited application).
    case advertised
    /// An unsolicited application.
    case unsolicited
    /// Through someone the citizen knows.
    case network
    case phone
    /// Going to the workplace in person.
    case walkIn
    /// Through a temping or recruitment agency.
    case agency
}

/// The job-search agreement, written by the citizen and coach together and approved by the
/// citizen like the plan. Zero contacts a week is a valid agreement: the citizen decides.
public struct JobSearchAgreement: Codable, Equatable, Sendable {
    /// The job titles and fields the citizen looks for, in their words.
    public var titles: String
    /// How far the citizen can travel, in their words ("within 45 minutes by bus").
    public var travel: String
    /// The hours the citizen looks for, in their words ("15 hours a week, mornings").
    public var hours: String
    /// The job banks and other channels the citizen will use, in their words.
    public var channels: String
    /// The methods the citizen will use.
    public var methods: [ApplicationMethod]
    /// Applications or employer contacts a week, 0 or more.
    public var perWeek: Int
    /// Counts saved changes, from 1.
    public var version: Int
    /// When and by whom the agreement was last saved.
    public var written: Stamp
    /// The citizen's approvals, oldest first; each names the version it approved.
    public var approvals: [Approval]

    public init(
        titles: String, travel: String, hours: String, channels: String, methods: [ApplicationMethod],
        perWeek: Int, version: Int = 1, written: Stamp, approvals: [Approval] = []
    ) {
        self.titles = titles
        self.travel = travel
        self.hours = hours
        self.channels = channels
        self.methods = methods
        self.perWeek = perWeek
        self.version = version
        self.written = written
        self.approvals = approvals
    }

    /// True when the citizen has approved the agreement as it stands now.
    public var isApproved: Bool { approvals.last?.version == version }
}

/// Where an application stands.
public enum ApplicationStatus: String, Codable, CaseIterable, Sendable {
    case sent, interview, offer, rejected, noAnswer, withdrawn

    /// The statuses an application may move on to from this one: sent → interview → offer,
    /// and from sent or interview to rejected, no answer or withdrawn. An offer may still be
    /// withdrawn from (the citizen turns it down). Nothing follows rejected, no answer or withdrawn.
    public var next: [ApplicationStatus] {
        switch self {
        case .sent: return [.interview, .offer, .rejected, .noAnswer, .withdrawn]
        case .interview: return [.offer, .rejected, .noAnswer, .withdrawn]
        case .offer: return [.withdrawn]
        case .rejected, .noAnswer, .withdrawn: return []
        }
    }
}

/// One change of an application's status.
public struct StatusChange: Codable, Equatable, Sendable {
    public var status: ApplicationStatus
    /// The day it happened.
    public var day: Day
    /// When it was recorded, and by whom.
    public var stamp: Stamp

    public init(status: ApplicationStatus, day: Day, stamp: Stamp) {
        self.status = status
        self.day = day
        self.stamp = stamp
    }
}

/// An application or other employer contact.
public struct JobApplication: Codable, Equatable, Sendable {
    /// Generated id such as `a-7k2mqx4d`.
    public var id: String
    public var employer: String
    public var jobTitle: String
    /// The day the citizen applied or made contact.
    public var day: Day
    public var method: ApplicationMethod
    /// The status history, oldest first; never empty, starts with `sent` on `day`.
    public var history: [StatusChange]
    /// The next step in the citizen's words; empty when none.
    public var nextStep: String
    /// The day of the next step, if set.
    public var nextStepDay: Day?
    /// The plan step this application serves, if any.
    public var stepId: String?
    /// The board job it was taken from, if any.
    public var boardJobId: String?
    /// Interviews for this application, in the order recorded.
    public var interviews: [Interview]

    /// A new application, sent on `day`.
    public init(
        id: String, employer: String, jobTitle: String, day: Day, method: ApplicationMethod, stamp: Stamp,
        nextStep: String = "", nextStepDay: Day? = nil, stepId: String? = nil, boardJobId: String? = nil
    ) {
        self.id = id
        self.employer = employer
        self.jobTitle = jobTitle
        self.day = day
        self.method = method
        history = [StatusChange(status: .sent, day: day, stamp: stamp)]
        self.nextStep = nextStep
        self.nextStepDay = nextStepDay
        self.stepId = stepId
        self.boardJobId = boardJobId
        interviews = []
    }

    private enum CodingKeys: String, CodingKey {
        case id, employer, jobTitle, day, method, history, nextStep, nextStepDay, stepId, boardJobId, interviews
    }

    /// Reads an application; the next step and the interviews may be absent and start empty.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        employer = try c.decode(String.self, forKey: .employer)
        jobTitle = try c.decode(String.self, forKey: .jobTitle)
        day = try c.decode(Day.self, forKey: .day)
        method = try c.decode(ApplicationMethod.self, forKey: .method)
        history = try c.decode([StatusChange].self, forKey: .history)
        guard !history.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .history, in: c, debugDescription: ProblemReason.atLeastOneStatus.english)
        }
        nextStep = try c.decodeIfPresent(String.self, forKey: .nextStep) ?? ""
        nextStepDay = try c.decodeIfPresent(Day.self, forKey: .nextStepDay)
        stepId = try c.decodeIfPresent(String.self, forKey: .stepId)
        boardJobId = try c.decodeIfPresent(String.self, forKey: .boardJobId)
        interviews = try c.decodeIfPresent([Interview].self, forKey: .interviews) ?? []
    }

    /// The current status: the last in the history.
    public var status: ApplicationStatus { history.last?.status ?? .sent }

    /// Moves the status on to `status` on `day`.
    /// - Throws: `JobSearchError.statusNotAllowed` when `status` does not follow the current one
    ///   (see `ApplicationStatus.next`).
    public mutating func move(to status: ApplicationStatus, on day: Day, stamp: Stamp) throws {
        guard self.status.next.contains(status) else {
            throw JobSearchError.statusNotAllowed(from: self.status, to: status)
        }
        history.append(StatusChange(status: status, day: day, stamp: stamp))
    }
}

/// A job interview.
public struct Interview: Codable, Equatable, Sendable {
    /// Generated id such as `i-7k2mqx4d`.
    public var id: String
    public var day: Day
    /// Local time as `HH:MM`, if known.
    public var time: String?
    public var place: String
    /// How it went, in the citizen's words; nil until told.
    public var howItWent: Words?
    /// True when the citizen agreed that the employer is asked for feedback.
    public var feedbackAgreed: Bool
    /// The employer's feedback as passed on; only kept when `feedbackAgreed`.
    public var feedback: Words?

    public init(
        id: String, day: Day, time: String?, place: String, howItWent: Words? = nil,
        feedbackAgreed: Bool = false, feedback: Words? = nil
    ) {
        self.id = id
        self.day = day
        self.time = time
        self.place = place
        self.howItWent = howItWent
        self.feedbackAgreed = feedbackAgreed
        self.feedback = feedback
    }
}

/// A change to the job search that the rules do not allow.
public enum JobSearchError: Error, Equatable, Sendable {
    /// An application cannot move from one status to the other (see `ApplicationStatus.next`).
    case statusNotAllowed(from: ApplicationStatus, to: ApplicationStatus)
    /// Employer feedback was given for an interview where the citizen has not agreed to ask for it.
    case feedbackNotAgreed
    /// No application or interview with that id.
    case notFound(String)
}
