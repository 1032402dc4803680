import type { Knex } from 'knex'
import { insertReturningId } from '../db/dialect'
import { nowIso } from '../shared/clock'

export interface ReviewComment {
  id: number
  responseId: number
  /** Null for the overall comment on the response. */
  questionKey: string | null
  authorId: number | null
  authorName: string | null
  body: string
  createdAt: string
  resolvedAt: string | null
  /** Officers' replies, when the caller attached them. */
  replies?: CommentReply[]
}

/** An officer's reply to a comment. */
export interface CommentReply {
  id: number
  commentId: number
  authorId: number | null
  authorName: string | null
  body: string
  createdAt: string
}

const toReply = (r: Record<string, unknown>): CommentReply => ({
  id: Number(r.id),
  commentId: Number(r.comment_id),
  authorId: r.author_id === null ? null : Number(r.author_id),
  authorName: (r.author_name as string | null) ?? null,
  body: String(r.body),
  createdAt: String(r.created_at),
})

const toComment = (r: Record<string, unknown>): ReviewComment => ({
  id: Number(r.id),
  responseId: Number(r.response_id),
  questionKey: (r.question_key as string | null) ?? null,
  authorId: r.author_id === null ? null : Number(r.author_id),
  authorName: (r.author_name as string | null) ?? null,
  body: String(r.body),
  createdAt: String(r.created_at),
  resolvedAt: (r.resolved_at as string | null) ?? null,
})

/**
 * Reviewers' comments on a response and officers' replies to them. Open (unresolved) comments
 * are the ones officers see beside the questions of a returned response; approving resolves
 * them, which closes their threads.
 */
export function reviewCommentsRepository(knex: Knex) {
  const base = () =>
    knex('review_comments as c')
      .leftJoin('users as u', 'u.id', 'c.author_id')
      .select('c.*', 'u.display_name as author_name')
      .orderBy('c.id')
  return {
    async add(comment: {
      responseId: number
      questionKey: string | null
      authorId: number
      body: string
    }): Promise<number> {
      return insertReturningId(knex, 'review_comments', {
        response_id: comment.responseId,
        question_key: comment.questionKey,
        author_id: comment.authorId,
        body: comment.body,
        created_at: nowIso(),
      })
    },
    async list(responseId: number): Promise<ReviewComment[]> {
      return (await base().where('c.response_id', responseId)).map(toComment)
    },
    /** The comments officers see: those not yet resolved. */
    async open(responseId: number): Promise<ReviewComment[]> {
      return (await base().where('c.response_id', responseId).whereNull('c.resolved_at')).map(toComment)
    },
    async find(id: number): Promise<ReviewComment | undefined> {
      const row = await base().where('c.id', id).first()
      return row && toComment(row)
    },
    async addReply(reply: { commentId: number; authorId: number; body: string }): Promise<number> {
      return insertReturningId(knex, 'review_comment_replies', {
        comment_id: reply.commentId,
        author_id: reply.authorId,
        body: reply.body,
        created_at: nowIso(),
      })
    },
    /** Every reply to the response's comments, oldest first. */
    async replies(responseId: number): Promise<CommentReply[]> {
      const rows = await knex('review_comment_replies as r')
        .join('review_comments as c', 'c.id', 'r.comment_id')
        .leftJoin('users as u', 'u.id', 'r.author_id')
        .where('c.response_id', responseId)
        .orderBy('r.id')
        .select('r.*', 'u.display_name as author_name')
      return rows.map(toReply)
    },
    /** Resolves open comments, all of them or only those made up to a moment. */
    async resolve(responseId: number, upTo?: string): Promise<void> {
      const query = knex('review_comments').where({ response_id: responseId }).whereNull('resolved_at')
      if (upTo) query.where('created_at', '<=', upTo)
      await query.update({ resolved_at: nowIso() })
    },
  }
}

export type ReviewCommentsRepository = ReturnType<typeof reviewCommentsRepository>
