/** Site footer: what runs where. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          Isolation Lab runs entirely in your browser: the Linux host, its containers and its virtual
          machines are simulated. Nothing you type leaves this page.
        </p>
      </div>
    </footer>
  );
}
