import { useState, type FormEvent } from 'react';
import { useMessages, usePostMessage, useProposals, type Channel } from '../../api/conduct.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { channelTitle } from './conduct-text.ts';
import type { ConsoleContext } from './console-context.ts';
import { ProposalCard } from './ProposalCard.tsx';

/** One channel: its messages (with a box to post one) and its proposals, oldest first. */
export function ChannelColumn({ channel, context }: { channel: Channel; context: ConsoleContext }) {
  const { caseId, nameOf } = context;
  const messages = useMessages(caseId, channel.id);
  const proposals = useProposals(caseId, channel.id);
  const title = channelTitle(channel.id, nameOf);
  const headingId = `channel-${channel.id}`;
  return (
    <section aria-labelledby={headingId} className="channel" data-channel={channel.id}>
      <h2 id={headingId}>{title}</h2>
      <h3>Messages</h3>
      {messages.isPending && <Loading what="the messages" />}
      {messages.error && <Failure error={messages.error} />}
      {messages.data?.length === 0 && <p className="hint">No message yet.</p>}
      <ol className="messages" data-testid={`messages-${channel.id}`}>
        {messages.data?.map((m) => (
          <li key={m.id}>
            <span className="speaker">{m.body.author.role}</span>{' '}
            <time className="date" dateTime={m.body.author.at}>
              {m.body.author.at.slice(0, 16).replace('T', ' ')}
            </time>
            <p>{m.body.text}</p>
          </li>
        ))}
      </ol>
      <MessageBox caseId={caseId} channel={channel.id} title={title} />
      <h3>Proposals</h3>
      {proposals.isPending && <Loading what="the proposals" />}
      {proposals.error && <Failure error={proposals.error} />}
      {proposals.data?.length === 0 && <p className="hint">No proposal yet.</p>}
      <div className="proposals" data-testid={`proposals-${channel.id}`}>
        {proposals.data?.map((p) => (
          <ProposalCard key={p.id} proposal={p} context={context} />
        ))}
      </div>
    </section>
  );
}

function MessageBox({ caseId, channel, title }: { caseId: string; channel: string; title: string }) {
  const [text, setText] = useState('');
  const post = usePostMessage(caseId, channel);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) post.mutate(text.trim(), { onSuccess: () => setText('') });
  };
  const id = `message-${channel}`;
  return (
    <form onSubmit={submit} className="message-box">
      <label htmlFor={id}>Message to {title}</label>
      <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" disabled={post.isPending}>
        Post
      </button>
      {post.error && <Failure error={post.error} />}
    </form>
  );
}
