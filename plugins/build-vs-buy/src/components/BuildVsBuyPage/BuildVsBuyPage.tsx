import {
  Content,
  ContentHeader,
  Header,
  Page,
  SupportButton,
} from '@backstage/core-components';
import { Typography } from '@material-ui/core';

/** The org-wide dashboard page. */
export const BuildVsBuyPage = () => (
  <Page themeId="tool">
    <Header
      title="Build vs Buy"
      subtitle="Decisions on the components teams debate, and when to revisit them"
    />
    <Content>
      <ContentHeader title="Decisions">
        <SupportButton>
          Every decision records why a component was built or bought, who
          maintains it and when it is due for revisit.
        </SupportButton>
      </ContentHeader>
      <Typography variant="body1">
        Decisions due for revisit, without a migration plan or without a
        maintenance owner are listed here.
      </Typography>
    </Content>
  </Page>
);
