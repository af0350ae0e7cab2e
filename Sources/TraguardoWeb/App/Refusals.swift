import TraguardoCore
import Vapor

/// A refusal of the core's rules: shown to the user in Italian, with the HTTP status it means.
protocol Refusal: Error, CustomStringConvertible {
    var httpStatus: HTTPStatus { get }
}

extension PlanRuleError: Refusal {
    var httpStatus: HTTPStatus { .unprocessableEntity }
}

extension MonitoringError: Refusal {
    /// Someone else's objective is forbidden; a stale version, or a campaign in the wrong state, a conflict.
    var httpStatus: HTTPStatus {
        switch self {
        case .forbidden, .notYourObjective: .forbidden
        // The request is fine, the campaign's state is not: someone moved it, or it is not time yet.
        case .conflict, .sameState, .transitionNotAllowed, .notOpen, .unitSubmitted, .notInValidation, .planNotApproved: .conflict
        case .unknownCampaign, .unknownOrganisationalIndicator: .notFound
        default: .unprocessableEntity
        }
    }
}

extension VariationError: Refusal {
    var httpStatus: HTTPStatus {
        if case .unknown = self { return .notFound }
        return .unprocessableEntity
    }
}

extension EvidenceError: Refusal {
    var httpStatus: HTTPStatus { self == .unknown ? .notFound : .unprocessableEntity }
}

enum Refusals {
    /// Runs a store change; a refusal of the core's rules becomes an error page (or JSON under /api) with its
    /// Italian message and status.
    @discardableResult
    static func asAbort<T>(prefix: String = "", _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let refusal as any Refusal {
            throw Abort(refusal.httpStatus, reason: prefix + refusal.description)
        }
    }
}
