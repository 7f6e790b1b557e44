import Foundation

/// Rules a decoded record must meet beyond its JSON shape.
enum Validation {
    static func check(_ participant: Participant, file: String) throws {
        let expected = (file as NSString).lastPathComponent.replacingOccurrences(of: ".json", with: "")
        guard RecordID.isValid(participant.id) else {
            throw RecordProblem(file: file, field: "id", reason: "is not a valid id")
        }
        if participant.id != expected {
            throw RecordProblem(file: file, field: "id", reason: "does not match the file name: expected \(expected)")
        }
        if participant.name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RecordProblem(file: file, field: "name", reason: "is empty")
        }
        for (index, conversation) in participant.conversations.enumerated() where !(1...3).contains(conversation.number) {
            throw RecordProblem(file: file, field: "conversations[\(index)].number", reason: "must be 1, 2 or 3")
        }
        try checkJobSearch(participant.jobSearch, file: file)
        if let followAlong = participant.followAlong { try checkFollowAlong(followAlong, file: file) }
    }

    /// Follow-along support has a weekly stretch of 0 weeks or more, a later interval of 1 week
    /// or more, and valid contact ids.
    private static func checkFollowAlong(_ support: FollowAlong, file: String) throws {
        if support.weeklyWeeks < 0 { throw RecordProblem(file: file, field: "followAlong.weeklyWeeks", reason: "must be 0 or more") }
        if support.thenEveryWeeks < 1 {
            throw RecordProblem(file: file, field: "followAlong.thenEveryWeeks", reason: "must be 1 or more")
        }
        for (index, contact) in support.contacts.enumerated() where !RecordID.isValid(contact.id) {
            throw RecordProblem(file: file, field: "followAlong.contacts[\(index)].id", reason: "is not a valid id")
        }
    }

    /// The job search's ids are valid, the agreement's contacts a week are 0 or more, and employer
    /// feedback is only kept where the citizen agreed to ask for it.
    private static func checkJobSearch(_ search: JobSearch, file: String) throws {
        if let perWeek = search.agreement?.perWeek, perWeek < 0 {
            throw RecordProblem(file: file, field: "jobSearch.agreement.perWeek", reason: "must be 0 or more")
        }
        for (index, application) in search.applications.enumerated() {
            let field = "jobSearch.applications[\(index)]"
            let ids =
                [("id", application.id), ("stepId", application.stepId), ("boardJobId", application.boardJobId)]
                + application.interviews.enumerated().map { ("interviews[\($0.offset)].id", $0.element.id) }
            for case (let name, let id?) in ids where !RecordID.isValid(id) {
                throw RecordProblem(file: file, field: "\(field).\(name)", reason: "is not a valid id")
            }
            for (number, interview) in application.interviews.enumerated() where interview.feedback != nil && !interview.feedbackAgreed {
                throw RecordProblem(
                    file: file, field: "\(field).interviews[\(number)].feedback",
                    reason: "is kept although the citizen did not agree to ask for it")
            }
        }
    }

    static func check(_ offer: Offer, file: String) throws {
        guard RecordID.isValid(offer.id) else {
            throw RecordProblem(file: file, field: "id", reason: "is not a valid id")
        }
        if offer.title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RecordProblem(file: file, field: "title", reason: "is empty")
        }
        if offer.capacity < 0 {
            throw RecordProblem(file: file, field: "capacity", reason: "must be 0 or more")
        }
        if offer.booked.count > offer.capacity {
            throw RecordProblem(file: file, field: "booked", reason: "holds more seats than the capacity")
        }
    }
}

extension Validation {
    /// A board job: a valid id that matches its file name, a title and an employer, and no
    /// field over `RecordCodec.maxFieldBytes` (the limit of a spreadsheet cell on import).
    static func check(_ job: BoardJob, file: String) throws {
        let expected = (file as NSString).lastPathComponent.replacingOccurrences(of: ".json", with: "")
        guard RecordID.isValid(job.id) else {
            throw RecordProblem(file: file, field: "id", reason: "is not a valid id")
        }
        if job.id != expected {
            throw RecordProblem(file: file, field: "id", reason: "does not match the file name: expected \(expected)")
        }
        for (field, value) in [("title", job.title), ("employer", job.employer)] where value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RecordProblem(file: file, field: field, reason: "is empty")
        }
        for (field, value) in JobCSV.cells(job) where value.utf8.count > RecordCodec.maxFieldBytes {
            throw RecordProblem(file: file, field: field, reason: "holds more than \(RecordCodec.maxFieldBytes / 1000) kB")
        }
    }
}
