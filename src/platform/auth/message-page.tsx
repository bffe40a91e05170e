import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

/** A page that only tells something: logged out, login failed, address confirmed. */
export function MessagePage(props: { ctx: PageContext; title: string; body?: string; link?: { href: string; text: string } }): JSX.Element {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <h1 class="govuk-heading-l" safe>
        {props.title}
      </h1>
      {props.body ? (
        <p class="govuk-body" safe>
          {props.body}
        </p>
      ) : (
        ''
      )}
      {props.link ? (
        <p class="govuk-body">
          <a class="govuk-link" href={props.link.href} safe>
            {props.link.text}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}
