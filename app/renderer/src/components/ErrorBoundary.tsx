/**
 * A screen that fails to render shows what failed, in Chinese, with a way back — instead of a
 * blank window. Nothing is lost: saved data is in the database; the failure is reported to the
 * console (the GUI tests fail on it).
 */
import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

const text = {
  title: '此界面出现错误',
  sub: (message: string) => `已保存的内容不受影响。错误信息：${message}`,
  back: '返回工作台',
} as const;

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // eslint-disable-next-line no-console -- the one report of a render failure (the GUI tests fail on console errors)
    console.error(`界面错误：${error.message}`, info.componentStack);
  }

  override componentDidUpdate(previous: { resetKey?: string }): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        data-testid="render-error"
        title={text.title}
        subTitle={text.sub(this.state.error.message)}
        extra={
          <Button type="primary" onClick={() => (window.location.hash = '/')}>
            {text.back}
          </Button>
        }
      />
    );
  }
}
