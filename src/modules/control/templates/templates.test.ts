import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topicProblems } from '../../../platform/notify/template-kit.ts';
import { controlTopics } from './index.ts';

describe('management-control notification templates', () => {
  it('every topic renders its sample in both languages: a subject, a text with greeting and sign-off, an SMS', () => {
    for (const topic of Object.values(controlTopics)) assert.deepEqual(topicProblems(topic), [], topic.topic);
  });
});
