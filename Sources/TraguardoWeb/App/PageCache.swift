import Foundation
import TraguardoCore
import TraguardoPersistence
import Vapor

/// Rendered HTML of the heaviest pages (tree, card, scores, campaign dashboard and entry form), kept per user and per revision of the ente's data.
/// The key holds every input of the render: the page's path and query, the user with their grants, the enti of
/// the switcher and the ente's revision; the CSRF token is left as a placeholder and put in at each response.
/// A page with a flash message to show is rendered afresh and not kept.
struct PageCache: Sendable {
    /// Each page split at the token's places, so a response is the parts joined by the token.
    let pages = DerivedCache<String, [String]>(capacity: 256)

    /// Stands where the session's CSRF token goes; never a valid token (tokens are base64url).
    static let tokenPlaceholder = "@@csrf@@"
}

struct PageCacheKey: StorageKey { typealias Value = PageCache }

extension Request {
    /// Renders the page that `make` reads and builds, or reuses its HTML from the last time this user saw this
    /// page at this revision. `make` gives the page's title and a function from the layout to the page model;
    /// `extraKey` names any other input of the render (today's date on pages that count days).
    func renderKept<P: PageModel>(
        _ section: NavSection?, extraKey: String = "", _ make: @escaping @Sendable () async throws -> (title: String, page: @Sendable (Layout) -> P)
    ) async throws -> Response {
        guard let cache = application.storage[PageCacheKey.self], let principal = principal, let ente = ente,
            hasSession, session.data[SessionKeys.flash] == nil
        else {
            let (title, page) = try await make()
            return try await render(page(try await layout(title, section)))
        }
        // The switcher is part of the page: its list, or (past the limit) a search box that depends on no ente.
        let enti = try await enteCount() > Layout.switcherLimit ? [] : try await visibleEnti()
        let key = [
            url.path, url.query ?? "", principal.userID.uuidString, principal.displayName, "\(principal.isSystemAdmin)",
            principal.grants.map { "\($0.enteID):\($0.role.rawValue):\($0.unitIDs.map(\.uuidString).sorted())" }.sorted().joined(separator: ","),
            enti.map { "\($0.ente.slug)=\($0.ente.name)" }.joined(separator: ","), ente.id.uuidString, extraKey,
        ].joined(separator: "|")
        let parts = try await cache.pages.value(key, revision: ente.revision) {
            let (title, page) = try await make()
            let layout = Layout.build(
                title: title, section: section, principal: principal, enti: enti, current: ente, csrf: PageCache.tokenPlaceholder, flash: nil)
            let view = try await self.view.render(P.template, page(layout)).get()
            return String(buffer: view.data).components(separatedBy: PageCache.tokenPlaceholder)
        }
        let token = CSRFMiddleware.token(for: self)
        var body = ByteBufferAllocator().buffer(capacity: parts.reduce(0) { $0 + $1.utf8.count } + parts.count * token.utf8.count)
        for (index, part) in parts.enumerated() {
            if index > 0 { body.writeString(token) }
            body.writeString(part)
        }
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(buffer: body))
    }
}
