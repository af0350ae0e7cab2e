import TraguardoCore
import TraguardoPersistence
import Vapor

extension Request {
    /// The frame of a page for this request: reads the enti the user may switch to, the CSRF token and the
    /// flash message (consumed), then builds the layout. A page without forms for an anonymous visitor (an
    /// error page) asks for no token, so a stray request does not create a session.
    func layout(_ title: String, _ section: NavSection? = nil, needsToken: Bool = true) async throws -> Layout {
        // Past a few dozen enti (a service centre's or a national administrator) the switcher becomes a search box:
        // listing thousands of options in every page cost more than the page.
        let many = try await enteCount() > Layout.switcherLimit
        let enti = many ? [] : try await visibleEnti()
        let flash = hasSession ? session.data[SessionKeys.flash] : nil
        if flash != nil { session.data[SessionKeys.flash] = nil }
        return Layout.build(
            title: title, section: section, principal: principal, enti: enti, current: ente, searchSwitcher: many,
            csrf: needsToken || principal != nil ? CSRFMiddleware.token(for: self) : "", flash: flash)
    }

    /// How many enti the signed-in user may see, counted once per request.
    func enteCount() async throws -> Int {
        guard let principal else { return 0 }
        if let count = storage[EnteCountKey.self] { return count }
        let count = try await store.enteCount(visibleTo: principal)
        storage[EnteCountKey.self] = count
        return count
    }

    private struct EnteCountKey: StorageKey { typealias Value = Int }

    /// The enti the signed-in user may see, read once per request (the switcher and the home page share it).
    func visibleEnti() async throws -> [StoredEnte] {
        guard let principal else { return [] }
        if let enti = storage[VisibleEntiKey.self] { return enti }
        let enti = try await store.enti(visibleTo: principal)
        storage[VisibleEntiKey.self] = enti
        return enti
    }

    private struct VisibleEntiKey: StorageKey { typealias Value = [StoredEnte] }

    /// Renders a page model with its template.
    func render<P: PageModel>(_ page: P, status: HTTPStatus = .ok) async throws -> Response {
        let response = try await view.render(P.template, page).encodeResponse(for: self)
        response.status = status
        return response
    }

    /// A one-time message shown on the next page (after a redirect).
    func flash(_ message: String) {
        session.data[SessionKeys.flash] = message
    }
}
