import Foundation

/// Rules a decoded record must meet beyond its JSON shape.
enum Validation {
    static func check(_ participant: Participant, file: String) throws {
        let expected = (file as NSString).lastPathComponent.replacingOccurrences(of: ".json", with: "")
        guard RecordID.isValid(participant.id) else {
            throw RecordProblem(file: file, field: "id", reason: .notValidID)
        }
        if participant.id != expected {
            throw RecordProblem(file: file, field: "id", reason: .idNotFileName(expected))
        }
        if participant.name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RecordProblem(file: file, field: "name", reason: .empty)
        }
        for (index, conversation) in participant.conversations.enumerated() where !(1...3).contains(conversation.number) {
            throw RecordProblem(file: file, field: "conversations[\(index)].number", reason: ProblemReason("must be 1, 2 or 3", key: "problem.conversationNumber"))
        }
        try checkJobSearch(participant.jobSearch, file: file)
        if let followAlong = participant.followAlong { try checkFollowAlong(followAlong, file: file) }
    }

    /// Follow-along support has a weekly stretch of 0 weeks or more, a later interval of 1 week
    /// or more, and valid contact ids.
    private static func checkFollowAlong(_ support: FollowAlong, file: String) throws {
        if support.weeklyWeeks < 0 { throw RecordProblem(file: file, field: "followAlong.weeklyWeeks", reason: .atLeast(0)) }
        if support.thenEveryWeeks < 1 {
            throw RecordProblem(file: file, field: "followAlong.thenEveryWeeks", reason: .atLeast(1))
        }
        for (index, contact) in support.contacts.enumerated() where !RecordID.isValid(contact.id) {
            throw RecordProblem(file: file, field: "followAlong.contacts[\(index)].id", reason: .notValidID)
        }
    }

    /// The job search's ids are valid, the agreement's contacts a week are 0 or more, and employer
    /// feedback is only kept where the citizen agreed to ask for it.
    private static func checkJobSearch(_ search: JobSearch, file: String) throws {
        if let perWeek = search.agreement?.perWeek, perWeek < 0 {
            throw RecordProblem(file: file, field: "jobSearch.agreement.perWeek", reason: .atLeast(0))
        }
        for (index, application) in search.applications.enumerated() {
            let field = "jobSearch.applications[\(index)]"
            let ids =
                [("id", application.id), ("stepId", application.stepId), ("boardJobId", application.boardJobId)]
                + application.interviews.enumerated().map { ("interviews[\($0.offset)].id", $0.element.id) }
            for case (let name, let id?) in ids where !RecordID.isValid(id) {
                throw RecordProblem(file: file, field: "\(field).\(name)", reason: .notValidID)
            }
            for (number, interview) in application.interviews.enumerated() where interview.feedback != nil && !interview.feedbackAgreed {
                throw RecordProblem(
                    file: file, field: "\(field).interviews[\(number)].feedback",
                    reason: ProblemReason("is kept although the citizen did not agree to ask for it", key: "problem.feedbackNotAgreed"))
            }
        }
    }

    static func check(_ offer: Offer, file: String) throws {
        guard RecordID.isValid(offer.id) else {
            throw RecordProblem(file: file, field: "id", reason: .notValidID)
        }
        if offer.title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RecordProblem(file: file, field: "title", reason: .empty)
        }
        if offer.capacity < 0 {
            throw RecordProblem(file: file, field: "capacity", reason: .atLeast(0))
        }
        if offer.booked.count > offer.capacity {
            throw RecordProblem(file: file, field: "booked", reason: ProblemReason("holds more seats than the capacity", key: "problem.overbooked"))
        }
    }
}

extension Validation {
    /// A board job: a valid id that matches its file name, a title and an employer, and no
    /// field over `RecordCodec.maxFieldBytes` (the limit of a spreadsheet cell on import).
    static func check(_ job: BoardJob, file: String) throws {
        let expected = (file as NSString).lastPathComponent.replacingOccurrences(of: ".json", with: "")
        guard RecordID.isValid(job.id) else {
            throw RecordProblem(file: file, field: "id", reason: .notValidID)
        }
        if job.id != expected {
            throw RecordProblem(file: file, field: "id", reason: .idNotFileName(expected))
        }
        for (field, value) in [("title", job.title), ("employer", job.employer)] where value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RecordProblem(file: file, field: field, reason: .empty)
        }
        for (field, value) in JobCSV.cells(job) where value.utf8.count > RecordCodec.maxFieldBytes {
            throw RecordProblem(file: file, field: field, reason: .fieldTooLarge)
        }
    }
}
